package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent writes, checked by Prometheus's own parsers and linter ({@code promtool}). */
class PromtoolExpositionTest {
    /** promtool's backfill wants a timestamp (in seconds) on every OpenMetrics sample. */
    private static final String TIMESTAMP = " 1700000000";

    @TempDir
    File blocks;

    private static String populated(ExpositionFormat format) {
        return format.write(PopulatedMetrics.create().registry().scrape());
    }

    @Test
    void text004PassesPromtoolsLinterWithoutAProblem() throws Exception {
        Promtool check = Promtool.run(populated(ExpositionFormat.PROMETHEUS_TEXT), "check", "metrics");
        assertEquals(0, check.exitCode, check.toString());
        assertEquals("", check.output.trim());
    }

    @Test
    void promtoolRejectsABrokenText004Exposition() throws Exception {
        String broken = populated(ExpositionFormat.PROMETHEUS_TEXT).replace("rule=\"auth.default\"", "rule=\"auth\"default\"");
        Promtool check = Promtool.run(broken, "check", "metrics");
        assertEquals(1, check.exitCode, check.toString());
        assertTrue(check.output.contains("error while linting"), check.output);
    }

    @Test
    void openMetricsParsesInPromtoolsOpenMetricsParser() throws Exception {
        File input = new File(blocks, "scrape.om");
        Files.write(input.toPath(), timestamped(populated(ExpositionFormat.OPEN_METRICS)).getBytes(StandardCharsets.UTF_8));
        Promtool backfill = Promtool.run(null, "tsdb", "create-blocks-from", "openmetrics", input.getPath(),
                new File(blocks, "data").getPath());
        assertEquals(0, backfill.exitCode, backfill.toString());
    }

    @Test
    void promtoolsOpenMetricsParserRejectsAnExpositionWithoutEof() throws Exception {
        File input = new File(blocks, "cut.om");
        String cut = timestamped(populated(ExpositionFormat.OPEN_METRICS)).replace("# EOF\n", "");
        Files.write(input.toPath(), cut.getBytes(StandardCharsets.UTF_8));
        Promtool backfill = Promtool.run(null, "tsdb", "create-blocks-from", "openmetrics", input.getPath(),
                new File(blocks, "data").getPath());
        assertNotEquals(0, backfill.exitCode, backfill.toString());
        assertTrue(backfill.output.contains("# EOF"), backfill.output);
    }

    /**
     * promtool 2.42's linter reads text 0.0.4 only. Given OpenMetrics it parses every line, but
     * takes a counter's {@code primus_x_total} samples for a family apart from the {@code # TYPE
     * primus_x counter} above them, one without HELP. That, and nothing else, is what it may say.
     */
    @Test
    void openMetricsPassesTheText004LinterSaveForTheCounterNamesOnlyOpenMetricsWrites() throws Exception {
        Promtool check = Promtool.run(populated(ExpositionFormat.OPEN_METRICS), "check", "metrics");
        Set<String> expected = new TreeSet<String>();
        for (FamilySnapshot family : new AgentMetrics().registry().scrape()) {
            if (family.type() == MetricType.COUNTER) {
                expected.add(family.name() + " no help text");
            }
        }
        assertEquals(3, check.exitCode, "3 is promtool's exit code for lint problems, 1 for a parse error: " + check);
        assertEquals(expected, new TreeSet<String>(Arrays.asList(check.output.trim().split("\n"))));
    }

    private static String timestamped(String openMetrics) {
        StringBuilder out = new StringBuilder();
        for (String line : openMetrics.split("\n")) {
            out.append(line).append(line.startsWith("#") ? "" : TIMESTAMP).append('\n');
        }
        return out.toString();
    }
}
