package dev.primus.benchmarks.micro;

import java.util.List;
import java.util.Map;

/** Hand-made suite entries and measurements, shaped like a run of the real suite. */
final class SuiteFixture {
    static final class MaskingBench {
    }

    static final class LogbackBench {
    }

    static final class RateBench {
    }

    static final SuiteRun RUN = new SuiteRun("2026-12-03T21:00:00Z", "bench-host", "17.0.15",
            "quick (1 fork, 2 warm-up and 3 measurement iterations of 1 s)", null, null);
    static final AgentRun MASKING = new AgentRun("logback-masking", "service: bench\n");

    static final SuiteEntry ENGINE_CLEAN = new SuiteEntry(MaskingBench.class, "engineClean",
            "the engine on a \"clean\" line", true, List.of("regexListClean"), null, List.of());
    static final SuiteEntry REGEX_CLEAN = new SuiteEntry(MaskingBench.class, "regexListClean", "baseline: the regex list",
            false, List.of(), null, List.of());
    static final SuiteEntry CALL = new SuiteEntry(LogbackBench.class, "info", "baseline: a log call, no agent", false,
            List.of(), null, List.of());
    static final SuiteEntry CALL_WITH_AGENT = CALL.withAgent(MASKING, true, "the same with the agent masking");
    static final SuiteEntry REDIS = new SuiteEntry(RateBench.class, "redis", "a bucket in Redis", false, List.of(), null,
            List.of());

    private SuiteFixture() {
    }

    static Measurement avgt(SuiteEntry entry, double ns, double error, double bytes) {
        return new Measurement(entry, Map.of(), "avgt", 1, ns, error, bytes);
    }

    static Measurement appender(SuiteEntry entry, String appender, double ns, double error, double bytes) {
        return new Measurement(entry, Map.of("appender", appender), "avgt", 1, ns, error, bytes);
    }

    /**
     * The masking engine clean and 40 times faster than its regex baseline; a Logback call per
     * appender without and with the agent, which adds nothing to the flushed call and 24 B to the
     * buffered one; and Redis, which gave no result.
     */
    static List<Measurement> run() {
        return List.of(
                avgt(ENGINE_CLEAN, 40.0, 1.5, 0.004),
                avgt(REGEX_CLEAN, 1600, 30, 1480),
                appender(CALL, "buffered", 400, 10, 96),
                appender(CALL, "flushed", 2500, 80, 120),
                appender(CALL_WITH_AGENT, "buffered", 440, 12, 120),
                appender(CALL_WITH_AGENT, "flushed", 2600, 90, 120.2),
                Measurement.missing(REDIS));
    }
}
