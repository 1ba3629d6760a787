package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.benchmarks.ResultsFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {
    static final class MaskingBenchmark {
    }

    private static SuiteEntry entry(String method) {
        return new SuiteEntry(MaskingBenchmark.class, method, "", true, List.of(), null, List.of());
    }

    @Test
    void withoutOptionsRunsEverythingByTheAnnotationsIntoTodaysResultsFolder() {
        SuiteOptions options = SuiteOptions.parse();

        assertFalse(options.quick());
        assertNull(options.include());
        assertEquals(ResultsFolder.today("micro.md").toAbsolutePath(), options.out());
        assertEquals(Path.of("agent/target/primus-agent.jar").toAbsolutePath(), options.agent());
        assertTrue(options.includes(entry("engineClean")));
    }

    @Test
    void quickIncludeOutAndAgentAreRead() {
        SuiteOptions options = SuiteOptions.parse("--include", "Masking.*Clean$", "--quick", "--out", "/tmp/m", "--agent",
                "/opt/primus-agent.jar");

        assertTrue(options.quick());
        assertEquals(Path.of("/tmp/m"), options.out());
        assertEquals(Path.of("/opt/primus-agent.jar"), options.agent());
    }

    @Test
    void includeIsFoundAnywhereInTheJmhName() {
        SuiteOptions options = SuiteOptions.parse("--include", "Masking.*Clean$");

        assertTrue(options.includes(entry("engineClean")));
        assertFalse(options.includes(entry("engineDirty")));
    }

    @Test
    void aRelativeOutIsResolvedAgainstTheWorkingDirectory() {
        assertEquals(Path.of("").toAbsolutePath().resolve("results"), SuiteOptions.parse("--out", "results").out());
    }

    @Test
    void anIncludeThatIsNotARegularExpressionIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse("--include", "Masking("));

        assertTrue(e.getMessage().startsWith("--include Masking(: not a regular expression"), e.getMessage());
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--out"));

        assertTrue(e.getMessage().startsWith("--out needs a value"), e.getMessage());
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("-prof", "gc"));

        assertEquals("unknown option -prof; " + SuiteOptions.USAGE, e.getMessage());
    }
}
