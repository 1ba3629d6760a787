package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.servlet.TomcatApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live policy reload in running apps, on JDK 17 and 25: a client hammers destinations and routes
 * while the config file is replaced 100 times, switching between two policies. What both
 * policies allow never fails, what both deny never passes, and what one allows follows the file.
 * An invalid edit is refused with its line and the policy in force stays; {@code reload PID}
 * asks for a reload without loading an agent (on JDK 25 under {@code -XX:-EnableDynamicAgentLoading}).
 */
class ReloadIT {
    private static final int REWRITES = 100;
    private static final Duration APPLIED = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static List<Path> jdks() {
        return Jdks.all();
    }

    /**
     * Policy {@code a} or {@code b}: egress to 127.0.0.4 and the route /both/ in both, 127.0.0.2
     * and /a/ only in a, 127.0.0.3 and /b/ only in b; 127.0.0.5 and /never/ in neither. Each
     * version also allows an address of its own that no call goes to, so that every version the
     * agent reads is a new generation.
     */
    private static String policy(String which, int version) {
        String ip = which.equals("a") ? "127.0.0.2" : "127.0.0.3";
        return String.join("\n", "# version " + version, "service: reload-it", "mode: enforce", "egress:",
                "  default: deny", "  allow:", "    - cidr: 127.0.0.4/32", "    - cidr: " + ip + "/32",
                "    - cidr: 127.0.1." + version + "/32", "auth:", "  default: deny", "  rules:",
                "    - match: { path: \"/both/**\" }", "      require: public",
                "    - match: { path: \"/" + which + "/**\" }", "      require: public",
                "audit:", "  sinks:", "    - type: file", "      path: ${env:AUDIT_FILE}", "");
    }

    /** Replaces the file as a ConfigMap update or a safe editor does: a new file renamed over the old. */
    private static void replace(Path config, String text) throws Exception {
        Path next = config.resolveSibling(config.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private int get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void underLoadNoCallIsJudgedByAPolicyThatIsNotTheOldOrTheNew(Path jdk, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, policy("a", 0));
        Path egressAudit = dir.resolve("egress-audit.jsonl");
        Path authAudit = dir.resolve("auth-audit.jsonl");
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp probe = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config)
                     .env("AUDIT_FILE", egressAudit.toString()));
             ForkedApp tomcat = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                     .withAgent("config=" + config).env("AUDIT_FILE", authAudit.toString())
                     .start(TomcatApp.class, "jakarta", "")) {
            tomcat.awaitStdout(line -> line.startsWith("READY "), Duration.ofSeconds(90));
            int port = tomcat.readyPort();
            String both = "socket 127.0.0.4 " + servers.tcp("127.0.0.4").port();
            String never = "socket 127.0.0.5 " + servers.tcp("127.0.0.5").port();
            String onlyA = "socket 127.0.0.2 " + servers.tcp("127.0.0.2").port();
            String onlyB = "socket 127.0.0.3 " + servers.tcp("127.0.0.3").port();

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 1; i <= REWRITES; i++) {
                        replace(config, policy(i % 2 == 0 ? "a" : "b", i));
                        written.set(i);
                        Thread.sleep(250);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    writing.set(false);
                }
            }, "config-writer");
            writer.start();
            List<String> wrong = new ArrayList<>();
            int rounds = 0;
            while (writing.get()) {
                rounds++;
                String reached = probe.run(both);
                if (!reached.equals("OK connected")) {
                    wrong.add("allowed by both, refused: " + reached);
                }
                String refused = probe.run(never);
                if (!refused.startsWith("DENIED")) {
                    wrong.add("denied by both, reached: " + refused);
                }
                probe.run(rounds % 2 == 0 ? onlyA : onlyB);
                int bothRoute = get(port, "/both/x");
                if (bothRoute != 200) {
                    wrong.add("/both/x answered " + bothRoute);
                }
                int neverRoute = get(port, "/never/x");
                if (neverRoute != 401 && neverRoute != 403) {
                    wrong.add("/never/x answered " + neverRoute);
                }
                get(port, rounds % 2 == 0 ? "/a/x" : "/b/x");
            }
            writer.join();
            // The last rewrite (100, even) is policy a: once its reload is audited, a's answers hold.
            List<String> egressReloads = awaitFinalReload(egressAudit);
            List<String> authReloads = awaitFinalReload(authAudit);
            int finalOnlyA = get(port, "/a/x");
            int finalOnlyB = get(port, "/b/x");
            String finalA = probe.run(onlyA);
            String finalB = probe.run(onlyB);

            int roundsDone = rounds;
            assertAll(
                    () -> assertEquals(List.of(), wrong, "over " + roundsDone + " rounds while the file was replaced "
                            + written.get() + " times"),
                    () -> assertTrue(egressReloads.size() >= 5, "the egress app reloaded " + egressReloads.size() + " times: "
                            + probe.app().primusLines()),
                    () -> assertTrue(authReloads.size() >= 5, "the auth app reloaded " + authReloads.size() + " times: "
                            + tomcat.primusLines()),
                    () -> assertEquals("OK connected", finalA, "policy a in force at the end"),
                    () -> assertTrue(finalB.startsWith("DENIED"), finalB),
                    () -> assertEquals(200, finalOnlyA),
                    () -> assertTrue(finalOnlyB == 401 || finalOnlyB == 403, "/b/x answered " + finalOnlyB));
        }
    }

    /** Every {@code reloaded} event, once one names the file's last version. */
    private static List<String> awaitFinalReload(Path audit) throws Exception {
        String last = sha256(Files.readAllBytes(audit.resolveSibling("primus.yaml")));
        return AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"reason\":\"reloaded\"")
                && l.contains("\"sha256\":\"" + last + "\"")).stream()
                .filter(l -> l.contains("\"reason\":\"reloaded\"")).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anInvalidEditIsRefusedAndReloadPidAppliesTheFixedFile(Path jdk, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(config, policy("a", 0));
        ForkedApp.Builder builder = ForkedApp.on(jdk).withAgent("config=" + config).env("AUDIT_FILE", audit.toString());
        if (Jdks.name(jdk).contains("25")) {
            // reload loads no agent: it must work where loading one is refused (JDK 21 and later know the flag).
            builder.jvmArg("-XX:-EnableDynamicAgentLoading");
        }
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp app = new ProbeApp(Jdks.name(jdk), builder)) {
            String onlyA = "socket 127.0.0.2 " + servers.tcp("127.0.0.2").port();
            String onlyB = "socket 127.0.0.3 " + servers.tcp("127.0.0.3").port();

            replace(config, policy("b", 1).replace("default: deny", "default: maybe"));
            String refusal = app.app().awaitStderr(l -> l.contains("the reload (the file changed) is refused"), APPLIED);
            String line = app.app().awaitStderr(l -> l.contains(config + ":5: egress.default"), APPLIED);
            String stillA = app.run(onlyA);
            String stillNotB = app.run(onlyB);

            replace(config, policy("b", 2));
            List<String> reload;
            try (ForkedApp cli = ForkedApp.cli(jdk, "reload", Long.toString(app.app().pid()))) {
                cli.awaitExit(Duration.ofSeconds(90));
                reload = cli.stdout();
            }
            String nowB = app.run(onlyB);
            String nowNotA = app.run(onlyA);
            List<String> events = AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"reason\":\"reload_refused\""),
                    l -> l.contains("\"reason\":\"reloaded\""));

            assertAll(
                    () -> assertTrue(refusal.contains("generation 1 stays in force"), refusal),
                    () -> assertTrue(line.contains("'maybe' is not one of: allow, deny"), line),
                    () -> assertEquals("OK connected", stillA, "the old policy holds after the invalid edit"),
                    () -> assertTrue(stillNotB.startsWith("DENIED"), stillNotB),
                    // The once-a-second look may have applied the fixed file first: then reload PID reads it again.
                    () -> assertTrue(reload.stream().anyMatch(l -> l.startsWith("applied: config " + config + " reloaded")),
                            "reload PID printed " + reload),
                    () -> assertEquals("OK connected", nowB, "policy b in force once reload PID returned"),
                    () -> assertTrue(nowNotA.startsWith("DENIED"), nowNotA),
                    () -> assertTrue(events.stream().anyMatch(l -> l.contains("\"reason\":\"reload_refused\"")
                            && l.contains("\"outcome\":\"denied\"") && l.contains(":5: egress.default")), events.toString()));
        }
    }
}
