package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.PlainApp;
import dev.primus.it.apps.servlet.TomcatApp;
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
        for (String event : events) {
            AuditTrail.assertMatchesSchema(audit, event);
        }
        assertTrue(events.get(0).contains("\"reason\":\"started\"") && events.get(0).contains("\"how\":\"attach\""),
                events.toString());
        assertTrue(events.get(events.size() - 1).contains("\"reason\":\"stopped\""), events.toString());
        assertEquals(3, events.stream().filter(e -> !e.contains("\"reason\":\"policy_writable\"")).count(),
                "one agent, one set of events: " + events);
    }

    /**
     * An app that ran without the agent, its socket, logging and servlet classes loaded and used,
     * is guarded from the attach on: the woven JDK and library classes are retransformed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void socketsLogLinesAndRequestsAreGuardedFromTheAttachOn(Path jdk) throws Exception {
        Path audit = dir.resolve("guarded.jsonl");
        Path log = dir.resolve("app.log");
        Path config = dir.resolve("guarded.yaml");
        Files.writeString(config, String.join("\n", "service: attached-app", "mode: enforce", "egress:", "  default: deny",
                "  allow:", "    - cidr: 127.0.0.1/32", "    - cidr: 127.0.0.2/32", "auth:", "  default: deny",
                "audit:", "  sinks:", "    - type: file", "      path: " + audit, ""));
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.TcpCounter allowed = servers.tcp("127.0.0.2");
            LoopbackServers.TcpCounter unlisted = servers.tcp("127.0.0.3");
            try (ProbeApp probe = new ProbeApp("probe", ForkedApp.on(jdk));
                 ForkedApp tomcat = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                         .start(TomcatApp.class, "jakarta", "")) {
                tomcat.awaitStdout(line -> line.startsWith("READY "), TIMEOUT);
                String before = probe.run("socket 127.0.0.3 " + unlisted.port());
                probe.run("log " + log + " paid with card {0}");
                int beforeStatus = get(tomcat, "/orders/1");
                for (ForkedApp app : List.of(probe.app(), tomcat)) {
                    try (ForkedApp cli = attach(jdk, app.pid(), config)) {
                        assertEquals(0, cli.awaitExit(TIMEOUT), cli.stderr().toString());
                    }
                    app.awaitStderr(l -> l.startsWith("[primus] Primus Agent ") && l.contains(" attached in "), TIMEOUT);
                }
                String after = probe.run("socket 127.0.0.3 " + unlisted.port());
                String stillAllowed = probe.run("socket 127.0.0.2 " + allowed.port());
                probe.run("log " + log + " paid with card {0}");
                int afterStatus = get(tomcat, "/orders/1");
                List<String> lines = Files.readAllLines(log);
                assertAll(
                        () -> assertEquals("OK connected", before, "before the attach"),
                        () -> assertEquals(200, beforeStatus, "before the attach"),
                        () -> assertEquals("paid with card 4111 1111 1111 1111", lines.get(0), "before the attach"),
                        () -> assertTrue(after.startsWith("DENIED connection to 127.0.0.3:"), "after the attach: " + after),
                        () -> assertEquals("OK connected", stillAllowed),
                        () -> assertEquals(1, unlisted.accepts(), "only the connect before the attach reached it"),
                        () -> assertEquals("paid with card [CREDIT_CARD]", lines.get(1), "after the attach"),
                        () -> assertEquals(403, afterStatus, "after the attach: auth.default: deny"));
            }
        }
    }

    private static int get(ForkedApp tomcat, String path) throws Exception {
        int port = tomcat.readyPort();
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
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
