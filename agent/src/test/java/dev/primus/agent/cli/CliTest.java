package dev.primus.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of();
        return new Cli(new PrintStream(out, true), new PrintStream(err, true), env::get).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePrintsOneLinePerErrorAndExitsOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nmode: strict\negress:\n  allow:\n    - cidr: 10.0.0.0/99\n");
        assertEquals(1, run("validate", config.toString()));
        assertEquals(config + ":2: mode: 'strict' is not one of: enforce, monitor, off\n"
                + config + ":5: egress.allow[0].cidr: '10.0.0.0/99' is not a valid CIDR: prefix length must be 0 to 32 "
                + "for IPv4\n", out());
    }

    @Test
    void validateExitsZeroOnAValidFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: orders\nmode: enforce\n");
        assertEquals(0, run("validate", config.toString()));
        assertTrue(out().contains("valid; service orders; egress=enforce"), out());
    }

    @Test
    void schemaPrintsTheJsonSchema() {
        assertEquals(0, run("schema"));
        assertTrue(out().startsWith("{"));
        assertTrue(out().contains("\"on_config_error\""));
    }

    @Test
    void unknownVerbsAndMissingArgumentsAreUsageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("validate"));
        assertEquals(2, run("attach", "not-a-pid"));
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[] {"validate", "attach", "verify-audit", "schema", "version"}) {
            out.reset();
            assertEquals(0, run(verb, "--help"), verb);
            assertTrue(out().startsWith("Usage: " + verb), out());
        }
        assertEquals(0, run("--help"));
    }

    @Test
    void attachRefusesAnInvalidConfigBeforeTouchingTheTarget(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "mode: strict\n");
        assertEquals(1, run("attach", "1", "--config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not attached: the config is invalid"));
    }
}
