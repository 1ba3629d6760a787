package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroTableTest {
    private final String md = MicroTable.render(SuiteReport.of(SuiteFixture.RUN, SuiteFixture.run()));

    private List<String> tableRows() {
        return md.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| benchmark")).toList();
    }

    @Test
    void aRowShowsTimeErrorRatioBytesAndVerdict() {
        assertEquals("| MaskingBench.engineClean |  | 40.0 ± 1.50 | 0.025× regexListClean | 0.004 | yes | 0 B |",
                tableRows().get(0));
        assertEquals("| MaskingBench.regexListClean |  | 1600 ± 30.0 |  | 1480 | no | allocates 1480 B |", tableRows().get(1));
    }

    @Test
    void agentRowsAndTheirTwinsSayWhichIsWhich() {
        assertEquals("| LogbackBench.info | appender=buffered, no agent | 400 ± 10.0 |  | 96.0 | no | allocates 96 B |",
                tableRows().get(2));
        assertEquals("| LogbackBench.info | appender=flushed, agent logback-masking | 2600 ± 90.0 | 1.04× no agent | 120 | yes"
                + " | 0 B over no agent |", tableRows().get(5));
    }

    @Test
    void theCleanPathThatAllocatesIsBoldAndNamedBelowTheTable() {
        assertEquals("| LogbackBench.info | appender=buffered, agent logback-masking | 440 ± 12.0 | 1.10× no agent | 120 | yes"
                + " | **allocates 24 B over no agent** |", tableRows().get(4));
        assertTrue(md.contains("\nClean paths that allocate: LogbackBench.info (appender=buffered, agent logback-masking)"
                + " allocates 24 B over no agent.\n"), md);
        assertTrue(md.contains("\nExit code 1.\n"), md);
    }

    @Test
    void aBenchmarkWithoutAResultHasARowAndIsNamedBelowTheTable() {
        assertEquals("| RateBench.redis |  | no result |  |  | no | no result |", tableRows().get(6));
        assertTrue(md.contains("\nNo result (see JMH's output for the error): RateBench.redis.\n"), md);
    }

    @Test
    void eachEntryIsDescribedOnceInTheLegend() {
        assertTrue(md.contains("\n- `LogbackBench.info`: baseline: a log call, no agent\n"
                + "- `LogbackBench.info with agent logback-masking`: the same with the agent masking\n"), md);
        assertEquals(1, md.lines().filter(line -> line.startsWith("- `LogbackBench.info`")).count());
    }

    @Test
    void aRatioBelowOneKeepsTwoSignificantDigits() {
        assertEquals("0.0063", MicroTable.ratio(535.0 / 84573));
        assertEquals("0.50", MicroTable.ratio(0.5));
        assertEquals("1.10", MicroTable.ratio(1.1));
        assertEquals("12.00", MicroTable.ratio(12));
    }

    @Test
    void nothingAllocatingSaysNone() {
        String clean = MicroTable.render(SuiteReport.of(SuiteFixture.RUN,
                List.of(SuiteFixture.avgt(SuiteFixture.ENGINE_CLEAN, 40, 1.5, 0.004))));

        assertTrue(clean.contains("\nClean paths that allocate: none.\n"), clean);
        assertTrue(clean.contains("\nExit code 0.\n"), clean);
    }
}
