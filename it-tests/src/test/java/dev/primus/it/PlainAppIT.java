package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** A plain Java app under the agent: same output, same exit status; kill switch; broken configs. */
class PlainAppIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String EXIT_STATUS = "3";

    @TempDir
    Path dir;

    static Stream<Path> jdks() {
        return Jdks.all().stream();
    }

    private static ForkedApp runToEnd(ForkedApp.Builder builder) throws Exception {
        ForkedApp app = builder.start(PlainApp.class, EXIT_STATUS);
        app.awaitExit(TIMEOUT);
        return app;
    }

    private Path config(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void runsExactlyAsWithoutTheAgentUnderTheEmbeddedDefault(Path jdk) throws Exception {
        try (ForkedApp plain = runToEnd(ForkedApp.on(jdk)); ForkedApp agent = runToEnd(ForkedApp.on(jdk).withAgent())) {
            assertEquals(3, plain.awaitExit(TIMEOUT));
            assertEquals(3, agent.awaitExit(TIMEOUT));
            assertEquals(plain.stdout(), agent.stdout());
            assertTrue(agent.stdout().contains("plain app: classes visible to the app: false false false"),
                    "the agent's own classes must stay invisible to the app");
            assertTrue(agent.stderr().contains("plain app: a line on stderr"));
            List<String> primus = agent.primusLines();
            assertTrue(primus.stream().anyMatch(l -> l.startsWith("[primus] Primus Agent ")
                    && l.contains(" started in ") && l.contains("config embedded default")
                    && l.contains("egress=monitor; masking=monitor; auth=monitor")
                    && l.contains("audit to stderr")), primus.toString());
            assertTrue(agent.stderr().stream().anyMatch(l -> l.startsWith("{\"ts\":") && l.contains("\"type\":\"agent\"")
                    && l.contains("\"reason\":\"started\"")), "the embedded default audits to stderr");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void writesAgentAndConfigEventsToAHashChainedAuditFile(Path jdk) throws Exception {
        Path audit = dir.resolve("audit/audit.jsonl");
        Path config = config("primus.yaml", "service: plain-it\nmode: enforce\naudit:\n  sinks:\n    - type: file\n"
                + "      path: " + audit + "\n      hash_chain: true\n");
        try (ForkedApp app = runToEnd(ForkedApp.on(jdk).withAgent("config=" + config))) {
            assertEquals(3, app.awaitExit(TIMEOUT));
            assertTrue(app.primusLines().stream().anyMatch(l -> l.contains("config " + config
                    + " (from agent argument config=)")), app.primusLines().toString());
        }
        List<String> lines = Files.readAllLines(audit);
        for (String line : lines) {
            AuditTrail.assertMatchesSchema(audit, line);
        }
        assertEquals(5, lines.size(), lines.toString());
        assertEvent(lines.get(0), 1, "agent", "started");
        assertTrue(lines.get(0).contains("\"how\":\"premain\""), lines.get(0));
        assertEvent(lines.get(1), 2, "config", "loaded");
        assertTrue(lines.get(1).contains("\"sha256\":\""), lines.get(1));
        // The test's own user wrote the config, so the JVM's user can rewrite it and its folder: said.
        assertEvent(lines.get(2), 3, "agent", "policy_writable");
        assertTrue(lines.get(2).contains("\"file\":\"" + config + "\""), lines.get(2));
        assertEvent(lines.get(3), 4, "agent", "policy_writable");
        assertTrue(lines.get(3).contains("\"file\":\"" + config.getParent() + "\""), lines.get(3));
        assertEvent(lines.get(4), 5, "agent", "stopped");

        try (ForkedApp verify = ForkedApp.cli(jdk, "verify-audit", audit.toString())) {
            assertEquals(0, verify.awaitExit(TIMEOUT), verify.stderr().toString());
            assertEquals(List.of(audit + ": hash chain intact over 5 lines"), verify.stdout());
        }
    }

    private static void assertEvent(String line, int seq, String type, String reason) {
        assertTrue(line.startsWith("{\"ts\":\""), line);
        assertTrue(line.contains("\"seq\":" + seq + ",\"service\":\"plain-it\",\"host\":\""), line);
        assertTrue(line.contains("\"type\":\"" + type + "\",\"outcome\":\"allowed\",\"mode\":\"enforce\""), line);
        assertTrue(line.contains("\"reason\":\"" + reason + "\""), line);
        assertTrue(line.contains("\"prev\":\"") && line.contains("\"hash\":\""), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theKillSwitchesInstallNothing(Path jdk) throws Exception {
        Path audit = dir.resolve("killed.jsonl");
        Path config = config("primus.yaml", "service: a\naudit:\n  sinks:\n    - type: file\n      path: " + audit + "\n");
        try (ForkedApp plain = runToEnd(ForkedApp.on(jdk));
             ForkedApp property = runToEnd(ForkedApp.on(jdk).withAgent("config=" + config).jvmArg("-Dprimus.enabled=false"));
             ForkedApp env = runToEnd(ForkedApp.on(jdk).withAgent("config=" + config).env("PRIMUS_ENABLED", "false"))) {
            assertEquals(plain.stdout(), property.stdout());
            assertEquals(plain.stdout(), env.stdout());
            assertEquals(List.of("[primus] disabled by -Dprimus.enabled=false; nothing installed"), property.primusLines());
            assertEquals(List.of("[primus] disabled by PRIMUS_ENABLED=false; nothing installed"), env.primusLines());
            assertEquals(3, property.awaitExit(TIMEOUT));
        }
        assertFalse(Files.exists(audit), "a disabled agent writes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anInvalidConfigInstallsNothingAndTheAppRuns(Path jdk) throws Exception {
        Path audit = dir.resolve("never.jsonl");
        Path config = config("broken.yaml", "service: a\nmode: strict\naudit:\n  sinks:\n    - type: file\n"
                + "      path: " + audit + "\n      max_size: 10 megs\n");
        try (ForkedApp plain = runToEnd(ForkedApp.on(jdk));
             ForkedApp agent = runToEnd(ForkedApp.on(jdk).jvmArg("-Dprimus.config=" + config).withAgent())) {
            assertEquals(3, agent.awaitExit(TIMEOUT));
            assertEquals(plain.stdout(), agent.stdout());
            assertEquals(List.of(
                    "[primus] ERROR config " + config + " is invalid (2 errors); the agent installs nothing:",
                    "[primus] ERROR   " + config + ":2: mode: 'strict' is not one of: enforce, monitor, off",
                    "[primus] ERROR   " + config + ":7: audit.sinks[0].max_size: '10 megs' is not a size; write a number "
                            + "from 1 to 999999 with B, KB, MB or GB, e.g. 100MB",
                    "[primus] ERROR the app runs without the agent; fix the file and restart, or set on_config_error: "
                            + "fail_closed to stop instead"), agent.primusLines());
        }
        assertFalse(Files.exists(audit));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void failClosedStopsTheJvmBeforeTheAppRuns(Path jdk) throws Exception {
        Path config = config("closed.yaml", "on_config_error: fail_closed\nservice: a\negress:\n  allow:\n"
                + "    - cidr: 10.0.0.0/40\n");
        try (ForkedApp agent = ForkedApp.on(jdk).env("PRIMUS_CONFIG", config.toString()).withAgent()
                .start(PlainApp.class, EXIT_STATUS)) {
            assertEquals(78, agent.awaitExit(TIMEOUT));
            assertEquals(List.of(), agent.stdout(), "the app must not have run");
            assertTrue(agent.primusLines().contains("[primus] ERROR   " + config + ":5: egress.allow[0].cidr: '10.0.0.0/40' "
                    + "is not a valid CIDR: prefix length must be 0 to 32 for IPv4"), agent.primusLines().toString());
            assertTrue(agent.primusLines().contains(
                    "[primus] ERROR on_config_error: fail_closed: stopping the JVM with exit status 78"));
        }
    }

    /**
     * A trail that cannot be written (its folder would be under a plain file: root can write
     * anywhere else here) is a decision: fail_closed stops the JVM before the app runs, naming
     * the sink and why; continue runs the app and says the events are lost until it can be written.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anUnwritableTrailStopsTheJvmUnderFailClosedAndIsAWarningUnderContinue(Path jdk) throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the audit folder would be\n");
        Path audit = blocker.resolve("audit.jsonl");
        for (String onFailure : List.of("fail_closed", "continue")) {
            Path config = config(onFailure + ".yaml", "service: a\naudit:\n  on_failure: " + onFailure + "\n  sinks:\n"
                    + "    - type: file\n      path: " + audit + "\n");
            try (ForkedApp agent = runToEnd(ForkedApp.on(jdk).withAgent("config=" + config))) {
                String sinkLine = "audit sink file:" + audit + ": cannot create the folder " + blocker + " for the audit file";
                if (onFailure.equals("fail_closed")) {
                    assertEquals(78, agent.awaitExit(TIMEOUT));
                    assertEquals(List.of(), agent.stdout(), "the app must not have run");
                    assertTrue(agent.primusLines().contains("[primus] ERROR " + sinkLine), agent.primusLines().toString());
                    assertTrue(agent.primusLines().contains("[primus] ERROR audit.on_failure: fail_closed: the trail cannot be "
                            + "written; stopping the JVM with exit status 78"), agent.primusLines().toString());
                } else {
                    assertEquals(3, agent.awaitExit(TIMEOUT));
                    assertTrue(agent.primusLines().contains("[primus] WARN " + sinkLine + "; its events are lost until it "
                            + "can be written, counted and reported to the other sinks (audit.on_failure: continue)"),
                            agent.primusLines().toString());
                }
            }
        }
    }
}
