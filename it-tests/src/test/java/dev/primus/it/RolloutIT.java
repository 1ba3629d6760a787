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
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollout path of docs/rollout.md, end to end in forked JVMs on JDK 17 and 25: monitor,
 * suggest, enforce.
 * Egress: an app under the embedded default config (monitor, audit on stderr) calls two
 * destinations; suggest-allowlist on that stderr gives a block; under enforce with it, the same
 * calls still work and a new destination is denied. Auth: a Tomcat app in monitor mode with
 * auth.default: deny is called on its routes; suggest-auth-rules gives the rules; under enforce
 * with them (and an API key), the seen routes serve a caller with the key, refuse one without,
 * and a route never seen is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String KEY = "pk_rollout_7d1e";

    private final LoopbackServers servers = new LoopbackServers();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private LoopbackServers.TcpCounter database;
    private LoopbackServers.HttpCounter partner;
    private LoopbackServers.TcpCounter newcomer;

    @BeforeAll
    void start() throws Exception {
        database = servers.tcp("127.0.0.2");
        partner = servers.http("127.0.0.3").answer("/rates", 200, "rates", null);
        newcomer = servers.tcp("127.0.0.4");
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void egressMonitorThenSuggestThenEnforceKeepsWhatWasSeenAndDeniesTheRest(Path jdk, @TempDir Path dir) throws Exception {
        String socket = "socket 127.0.0.2 " + database.port();
        String url = "url " + partner.base() + "/rates";
        Path stderr = dir.resolve("monitor-stderr.log");
        try (ProbeApp monitor = new ProbeApp("monitor", ForkedApp.on(jdk).withAgent())) {
            assertEquals("OK connected", monitor.run(socket));
            assertEquals("OK 200 rates", monitor.run(url));
            // The embedded default audits to stderr, beside the agent's [primus] lines: suggest reads it as it is.
            long deadline = System.nanoTime() + AuditTrail.DEADLINE.toNanos();
            while (monitor.app().stderr().stream().filter(l -> l.contains("\"type\":\"egress\"")).count() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
            Files.write(stderr, monitor.app().stderr());
        }
        String block = cli(jdk, "suggest-allowlist", stderr.toString());
        assertTrue(block.contains("cidr: 127.0.0.2/32") && block.contains("cidr: 127.0.0.3/32"), block);
        Path config = dir.resolve("enforce.yaml");
        Files.writeString(config, "service: rollout-it\nmode: enforce\n" + block);
        try (ProbeApp enforce = new ProbeApp("enforce", ForkedApp.on(jdk).withAgent("config=" + config))) {
            String again = enforce.run(socket);
            String againUrl = enforce.run(url);
            String fresh = enforce.run("socket 127.0.0.4 " + newcomer.port());
            assertAll(
                    () -> assertEquals("OK connected", again, "a destination seen in monitor mode"),
                    () -> assertEquals("OK 200 rates", againUrl, "a destination seen in monitor mode"),
                    () -> assertTrue(fresh.startsWith("DENIED connection to 127.0.0.4:"), "a new destination: " + fresh));
        }
        assertEquals(0, newcomer.accepts(), "no byte reached the new destination under enforce");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void authMonitorThenSuggestThenEnforceProtectsTheRoutesSeen(Path jdk, @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("monitor.jsonl");
        Path monitorConfig = dir.resolve("monitor.yaml");
        Files.writeString(monitorConfig, "service: rollout-it\nmode: monitor\nauth:\n  default: deny\naudit:\n  sinks:\n"
                + "    - type: file\n      path: " + audit + "\n");
        try (ForkedApp app = tomcat(jdk, monitorConfig)) {
            for (String path : List.of("/orders/1042", "/orders/7", "/health")) {
                assertEquals(200, get(app, path, null).statusCode(), "monitor mode serves " + path);
            }
            AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"route\":\"/orders/7\""), l -> l.contains("\"route\":\"/health\""));
        }
        String block = cli(jdk, "suggest-auth-rules", audit.toString());
        assertTrue(block.contains("path: \"/orders/*\"") && block.contains("path: \"/health\""), block);
        Path enforceConfig = dir.resolve("enforce.yaml");
        Files.writeString(enforceConfig, "service: rollout-it\nmode: enforce\n" + block + "  api_keys:\n    keys:\n"
                + "      - id: rollout\n        sha256: \"" + AuthFixtures.sha256(KEY) + "\"\n");
        assertEquals("", validateErrors(jdk, enforceConfig), "the suggested rules, with a key, make a valid config");
        try (ForkedApp app = tomcat(jdk, enforceConfig)) {
            int withKey = get(app, "/orders/99", KEY).statusCode();
            int withoutKey = get(app, "/orders/99", null).statusCode();
            int health = get(app, "/health", null).statusCode();
            int unseen = get(app, "/admin", KEY).statusCode();
            assertAll(
                    () -> assertEquals(200, withKey, "a seen route, with the key"),
                    () -> assertEquals(401, withoutKey, "a seen route, without a credential"),
                    () -> assertEquals(200, health, "a health check stays public"),
                    () -> assertEquals(403, unseen, "a route no rule names: auth.default: deny"));
        }
    }

    private ForkedApp tomcat(Path jdk, Path config) throws Exception {
        ForkedApp app = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                .withAgent("config=" + config).start(TomcatApp.class, "jakarta", "");
        app.awaitStdout(line -> line.startsWith("READY "), START);
        return app;
    }

    private HttpResponse<String> get(ForkedApp app, String path, String apiKey) throws Exception {
        int port = app.readyPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cli(Path jdk, String... verbAndArgs) throws Exception {
        try (ForkedApp verb = ForkedApp.cli(jdk, verbAndArgs)) {
            assertEquals(0, verb.awaitExit(START), verb.stdout() + " " + verb.stderr());
            return verb.stdout().stream().collect(Collectors.joining("\n")) + "\n";
        }
    }

    private static String validateErrors(Path jdk, Path config) throws Exception {
        try (ForkedApp verb = ForkedApp.cli(jdk, "validate", config.toString())) {
            return verb.awaitExit(START) == 0 ? "" : verb.stdout() + " " + verb.stderr();
        }
    }
}
