package dev.primus.benchmarks.micro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The suite's rows with their ratios to their baselines and their allocation verdicts, and the
 * exit code they add up to.
 */
record SuiteReport(SuiteRun run, List<Row> rows) {
    static final int OK = 0;
    static final int CLEAN_PATH_ALLOCATES = 1;
    static final int USAGE = 2;
    static final int NO_RESULT = 3;

    /** A measurement, what it takes relative to each baseline in the same run, and its verdict. */
    record Row(Measurement measurement, List<Ratio> ratios, Verdict verdict) {
        boolean hasResult() {
            return measurement.measured() && verdict.judged();
        }
    }

    /** The row's ns/op over the baseline's: below 1 is faster. */
    record Ratio(String baseline, double value) {
    }

    SuiteReport {
        rows = List.copyOf(rows);
    }

    /** Rows in the order of {@code measurements}; each compared with the measurements it names. */
    static SuiteReport of(SuiteRun run, List<Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            SuiteEntry entry = m.entry();
            if (!m.measured()) {
                rows.add(new Row(m, List.of(), new Verdict(entry.cleanPath(), Double.NaN, null)));
                continue;
            }
            List<Ratio> ratios = new ArrayList<>();
            Verdict verdict;
            if (entry.agent() != null) {
                Optional<Measurement> without = twin(measurements, m, entry.method(), null);
                without.ifPresent(w -> ratios.add(new Ratio("no agent", m.nsPerOp() / w.nsPerOp())));
                verdict = Verdict.over(entry.cleanPath(), m.bytesPerOp(), without.map(Measurement::bytesPerOp).orElse(Double.NaN));
            } else {
                verdict = Verdict.of(entry.cleanPath(), m.bytesPerOp());
            }
            for (String baseline : entry.baselines()) {
                twin(measurements, m, baseline, entry.agent())
                        .ifPresent(b -> ratios.add(new Ratio(baseline, m.nsPerOp() / b.nsPerOp())));
            }
            rows.add(new Row(m, ratios, verdict));
        }
        return new SuiteReport(run, rows);
    }

    /** {@code method} of the same class, with {@code agent}, measured with the same parameters. */
    private static Optional<Measurement> twin(List<Measurement> measurements, Measurement of, String method, AgentRun agent) {
        return measurements.stream()
                .filter(Measurement::measured)
                .filter(m -> m.entry().benchmark() == of.entry().benchmark() && m.entry().method().equals(method)
                        && Objects.equals(m.entry().agent(), agent) && m.sameRunAs(of))
                .findFirst();
    }

    List<Row> cleanPathsAllocating() {
        return rows.stream().filter(row -> row.verdict().failsCleanPath()).toList();
    }

    List<Row> withoutResult() {
        return rows.stream().filter(row -> !row.hasResult()).toList();
    }

    /** 1 when a clean path allocates, else 3 when a benchmark gave no result, else 0. */
    int exitCode() {
        return !cleanPathsAllocating().isEmpty() ? CLEAN_PATH_ALLOCATES : !withoutResult().isEmpty() ? NO_RESULT : OK;
    }
}
