package dev.primus.benchmarks.micro;

import static dev.primus.benchmarks.micro.SuiteFixture.CALL;
import static dev.primus.benchmarks.micro.SuiteFixture.CALL_WITH_AGENT;
import static dev.primus.benchmarks.micro.SuiteFixture.ENGINE_CLEAN;
import static dev.primus.benchmarks.micro.SuiteFixture.REDIS;
import static dev.primus.benchmarks.micro.SuiteFixture.REGEX_CLEAN;
import static dev.primus.benchmarks.micro.SuiteFixture.RUN;
import static dev.primus.benchmarks.micro.SuiteFixture.appender;
import static dev.primus.benchmarks.micro.SuiteFixture.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.benchmarks.micro.SuiteReport.Ratio;
import dev.primus.benchmarks.micro.SuiteReport.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteReportTest {
    private static Row row(SuiteReport report, SuiteEntry entry, String appender) {
        return report.rows().stream()
                .filter(r -> r.measurement().entry() == entry
                        && (appender == null || appender.equals(r.measurement().params().get("appender"))))
                .findFirst().orElseThrow();
    }

    @Test
    void aGuardedPathIsDividedByItsBaselineInTheSameRun() {
        SuiteReport report = SuiteReport.of(RUN, SuiteFixture.run());

        assertEquals(List.of(new Ratio("regexListClean", 0.025)), row(report, ENGINE_CLEAN, null).ratios());
        assertEquals(List.of(), row(report, REGEX_CLEAN, null).ratios());
    }

    @Test
    void anAgentRowIsComparedWithTheNoAgentRowOfTheSameParameters() {
        SuiteReport report = SuiteReport.of(RUN, SuiteFixture.run());

        Row buffered = row(report, CALL_WITH_AGENT, "buffered");
        assertEquals(1, buffered.ratios().size());
        assertEquals("no agent", buffered.ratios().get(0).baseline());
        assertEquals(1.1, buffered.ratios().get(0).value(), 1e-9); // 440 / 400, not 440 / 2500
        assertEquals(24, buffered.verdict().countedBytes(), 1e-9); // 120 - 96, not 120 - 120
        assertEquals("0 B over no agent", row(report, CALL_WITH_AGENT, "flushed").verdict().text());
    }

    @Test
    void aCleanPathThatAllocatesFailsTheRunWithOne() {
        SuiteReport report = SuiteReport.of(RUN, SuiteFixture.run());

        assertEquals(List.of(row(report, CALL_WITH_AGENT, "buffered")), report.cleanPathsAllocating());
        assertEquals(SuiteReport.CLEAN_PATH_ALLOCATES, report.exitCode());
    }

    @Test
    void aBenchmarkWithoutAResultFailsTheRunWithThreeWhenNothingAllocates() {
        SuiteReport report = SuiteReport.of(RUN, List.of(avgt(ENGINE_CLEAN, 40, 1.5, 0.004), Measurement.missing(REDIS)));

        assertEquals(List.of(row(report, REDIS, null)), report.withoutResult());
        assertEquals(SuiteReport.NO_RESULT, report.exitCode());
    }

    @Test
    void anAgentRowWhoseNoAgentTwinGaveNoResultIsNotJudged() {
        SuiteReport report = SuiteReport.of(RUN, List.of(Measurement.missing(CALL),
                appender(CALL_WITH_AGENT, "buffered", 440, 12, 120)));

        Row withAgent = row(report, CALL_WITH_AGENT, "buffered");
        assertEquals("no figure", withAgent.verdict().text());
        assertTrue(withAgent.ratios().isEmpty());
        assertEquals(SuiteReport.NO_RESULT, report.exitCode());
    }

    @Test
    void cleanPathsAtZeroAndNothingMissingExitZero() {
        SuiteReport report = SuiteReport.of(RUN, List.of(avgt(ENGINE_CLEAN, 40, 1.5, 0.004), avgt(REGEX_CLEAN, 1600, 30, 1480),
                appender(CALL, "buffered", 400, 10, 96), appender(CALL_WITH_AGENT, "buffered", 410, 10, 96.1)));

        assertEquals(SuiteReport.OK, report.exitCode());
    }
}
