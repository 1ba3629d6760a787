package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code PRIMUS_KILL_FILE} in a running app, on JDK 17 and 25: while the file exists, an address
 * the allowlist denies is reached and a log line is written as the app wrote it; once it is gone,
 * both are guarded again. Each switch is audited. The kill file's folder is mounted read-only for
 * the app, as only the operator may hold the switch: a kill file in a folder the JVM's own user
 * can write is refused, and the guards stay on.
 */
class KillSwitchIT {
    private static final Duration SWITCH = Duration.ofSeconds(30);

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void whileTheKillFileExistsEveryGuardIsOff(Path jdk, @TempDir Path dir) throws Exception {
        Path killFolder = Files.createDirectory(dir.resolve("operator"));
        Path killFile = killFolder.resolve("kill");
        Path audit = dir.resolve("audit.jsonl");
        Path log = dir.resolve("app.log");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n", "service: kill-it", "mode: enforce", "egress:", "  default: deny",
                "audit:", "  sinks:", "    - type: file", "      path: " + audit, ""));
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config)
                     .env("PRIMUS_KILL_FILE", killFile.toString()).readOnly(killFolder))) {
            LoopbackServers.TcpCounter unlisted = servers.tcp("127.0.0.3");
            String socket = "socket 127.0.0.3 " + unlisted.port();
            String guarded = app.run(socket);
            app.run("log " + log + " card {0}");

            Files.writeString(killFile, "");
            app.app().awaitStderr(l -> l.startsWith("[primus] WARN kill switch engaged: " + killFile), SWITCH);
            String killed = app.run(socket);
            app.run("log " + log + " card {0}");
            List<String> status;
            try (ForkedApp cli = ForkedApp.cli(jdk, "status", Long.toString(app.app().pid()))) {
                cli.awaitExit(Duration.ofSeconds(90));
                status = cli.stdout();
            }

            Files.delete(killFile);
            app.app().awaitStderr(l -> l.startsWith("[primus] WARN kill switch released: " + killFile), SWITCH);
            String again = app.run(socket);
            app.run("log " + log + " card {0}");

            List<String> lines = Files.readAllLines(log);
            List<String> events = AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"reason\":\"kill_switch_released\""));
            assertAll(
                    () -> assertTrue(guarded.startsWith("DENIED"), "before: " + guarded),
                    () -> assertEquals("OK connected", killed, "while the kill file exists"),
                    () -> assertTrue(again.startsWith("DENIED"), "after it is gone: " + again),
                    () -> assertEquals(1, unlisted.accepts(), "reached only while the switch was on"),
                    () -> assertTrue(status.contains("KILL SWITCH ENGAGED: every guard is off while the kill file exists"),
                            "status while engaged: " + status),
                    () -> assertEquals(List.of("card [CREDIT_CARD]", "card 4111 1111 1111 1111", "card [CREDIT_CARD]"), lines),
                    () -> assertTrue(events.stream().anyMatch(l -> l.contains("\"reason\":\"kill_switch_engaged\"")
                            && l.contains(killFile.toString())), events.toString()),
                    () -> assertTrue(app.app().primusLines().stream().noneMatch(l -> l.contains("kill file's folder")
                            || l.contains("kill switch refused")), app.app().primusLines().toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aKillFileTheAppItselfCouldHaveMadeIsRefused(Path jdk, @TempDir Path dir) throws Exception {
        Path killFile = dir.resolve("kill");
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n", "service: kill-it", "mode: enforce", "egress:", "  default: deny",
                "audit:", "  sinks:", "    - type: file", "      path: " + audit, ""));
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config)
                     .env("PRIMUS_KILL_FILE", killFile.toString()))) {
            LoopbackServers.TcpCounter unlisted = servers.tcp("127.0.0.3");
            Files.writeString(killFile, "");
            String refusal = app.app().awaitStderr(l -> l.startsWith("[primus] WARN kill switch refused: " + killFile
                    + " exists"), SWITCH);
            String stillGuarded = app.run("socket 127.0.0.3 " + unlisted.port());
            List<String> events = AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"reason\":\"kill_switch_refused\""));
            assertAll(
                    () -> assertTrue(refusal.contains("every guard stays on"), refusal),
                    () -> assertTrue(stillGuarded.startsWith("DENIED"), stillGuarded),
                    () -> assertEquals(0, unlisted.accepts()),
                    () -> assertTrue(app.app().primusLines().stream().anyMatch(l -> l.startsWith("[primus] WARN kill switch "
                            + "refused: " + dir + ", the folder of PRIMUS_KILL_FILE")), "said at start-up too"),
                    () -> assertTrue(events.stream().anyMatch(l -> l.contains("\"outcome\":\"denied\"")
                            && l.contains("\"reason\":\"kill_switch_refused\"")), events.toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aKillFilePresentAtStartHoldsFromTheFirstCall(Path jdk, @TempDir Path dir) throws Exception {
        Path killFolder = Files.createDirectory(dir.resolve("operator"));
        Path killFile = Files.writeString(killFolder.resolve("kill"), "");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: kill-it\nmode: enforce\negress:\n  default: deny\n");
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config)
                     .env("PRIMUS_KILL_FILE", killFile.toString()).readOnly(killFolder))) {
            LoopbackServers.TcpCounter unlisted = servers.tcp("127.0.0.3");
            assertEquals("OK connected", app.run("socket 127.0.0.3 " + unlisted.port()));
        }
    }
}
