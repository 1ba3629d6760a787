package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.PlainApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code attach PID --config FILE} loads the agent into a running JVM, once. */
class AttachIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Stream<Path> jdks() {
        return Jdks.all().stream();
    }

    private ForkedApp attach(Path jdk, long pid, Path config) throws Exception {
        return ForkedApp.cli(jdk, "attach", Long.toString(pid),
                "--config", config.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attachesToARunningJvmOnceAndAudits(Path jdk) throws Exception {
        Path audit = dir.resolve("attach.jsonl");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: attached-app\naudit:\n  sinks:\n    - type: file\n      path: " + audit + "\n");
        try (ForkedApp app = ForkedApp.on(jdk).start(PlainApp.class, "wait")) {
            app.awaitStdout(line -> line.startsWith("READY"), TIMEOUT);
            try (ForkedApp cli = attach(jdk, app.pid(), config)) {
                assertEquals(0, cli.awaitExit(TIMEOUT), cli.stderr().toString());
                assertTrue(cli.stdout().get(0).startsWith("attached to " + app.pid()), cli.stdout().toString());
            }
            String line = app.awaitStderr(l -> l.startsWith("[primus] Primus Agent "), TIMEOUT);
            assertTrue(line.contains(" attached in ") && line.contains("service attached-app"), line);

            try (ForkedApp second = attach(jdk, app.pid(), config)) {
                assertEquals(0, second.awaitExit(TIMEOUT), second.stderr().toString());
            }
            app.awaitStderr(l -> l.equals("[primus] WARN the agent is already installed in this JVM; this attach does nothing"),
                    TIMEOUT);

            app.sendLine("quit");
            app.awaitStdout("BYE"::equals, TIMEOUT);
            assertEquals(0, app.awaitExit(TIMEOUT));
        }
        List<String> events = Files.readAllLines(audit);
        assertTrue(events.get(0).contains("\"reason\":\"started\"") && events.get(0).contains("\"how\":\"attach\""),
                events.toString());
        assertTrue(events.get(events.size() - 1).contains("\"reason\":\"stopped\""), events.toString());
        assertEquals(3, events.size(), "one agent, one set of events: " + events);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attachToAMissingProcessFailsWithExitStatus3(Path jdk) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\n");
        try (ForkedApp cli = attach(jdk, 999_999_999L, config)) {
            assertEquals(3, cli.awaitExit(TIMEOUT));
            assertTrue(String.join("\n", cli.stderr()).contains("not attached to 999999999"), cli.stderr().toString());
        }
    }
}
