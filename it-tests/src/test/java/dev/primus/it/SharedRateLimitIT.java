package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.servlet.TomcatApp;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rate limits with {@code backend: redis} in two app JVMs at once, on JDK 17 and 25: both draw
 * from one bucket in the machine's Redis, so the two together let exactly the capacity through.
 * A second limit lives in a redis-server this test starts on a port of its own and then stops
 * (never the shared one): while it is down, requests go through and the outage is audited.
 */
class SharedRateLimitIT {
    private static final int CAPACITY = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static List<Path> jdks() {
        return Jdks.all();
    }

    private static Process redisServer(int port, Path dir) throws Exception {
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return redis;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        redis.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer on " + port + ": " + Files.readString(dir.resolve("redis.log")));
    }

    private ForkedApp tomcat(Path jdk, Path config, Path audit) throws Exception {
        ForkedApp app = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                .withAgent("config=" + config).env("AUDIT_FILE", audit.toString()).start(TomcatApp.class, "jakarta", "");
        app.awaitStdout(line -> line.startsWith("READY "), Duration.ofSeconds(90));
        return app;
    }

    private int get(ForkedApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.readyPort() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void twoJvmsShareOneBucketAndAnOutageLetsRequestsThrough(Path jdk, @TempDir Path dir) throws Exception {
        // A bucket of its own per run: the machine's Redis keeps buckets between runs.
        String shared = "shared-" + UUID.randomUUID();
        int ownRedisPort = LoopbackServers.freePort();
        Path config = dir.resolve("primus.yaml");
        // The agent's own Redis connections are judged by egress like the app's: the Redis is allowed.
        Files.writeString(config, String.join("\n", "service: shared-limit-it", "mode: enforce",
                "egress:", "  default: deny", "  allow:", "    - cidr: 127.0.0.1/32", "auth:", "  default: deny",
                "  rules:",
                "    - match: { path: \"/shared/**\" }", "      require: public", "      rate_limit: " + shared,
                "    - match: { path: \"/outage/**\" }", "      require: public", "      rate_limit: outage",
                "  rate_limits:",
                "    - { id: " + shared + ", key: client_ip, capacity: " + CAPACITY + ", refill_per_second: 0, backend: redis, "
                        + "redis_url: \"redis://127.0.0.1:6379/0\" }",
                "    - { id: outage, key: client_ip, capacity: 1, refill_per_second: 0, backend: redis, "
                        + "redis_url: \"redis://127.0.0.1:" + ownRedisPort + "/0\" }",
                "audit:", "  sinks:", "    - type: file", "      path: ${env:AUDIT_FILE}", ""));
        Path auditA = dir.resolve("a.jsonl");
        Path auditB = dir.resolve("b.jsonl");
        Process ownRedis = redisServer(ownRedisPort, dir);
        try (ForkedApp a = tomcat(jdk, config, auditA); ForkedApp b = tomcat(jdk, config, auditB)) {
            List<Integer> sharedAnswers = new ArrayList<>();
            for (int i = 0; i < 2 * CAPACITY; i++) {
                sharedAnswers.add(get(i % 2 == 0 ? a : b, "/shared/x"));
            }
            int first = get(a, "/outage/x");
            int second = get(b, "/outage/x");
            ownRedis.destroy();
            ownRedis.waitFor();
            int duringOutageA = get(a, "/outage/x");
            int duringOutageB = get(b, "/outage/x");
            List<String> events = AuditTrail.awaitLinesMatching(auditA, l -> l.contains("\"type\":\"rate_limit\"")
                    && l.contains("\"outcome\":\"error\""));

            assertAll(
                    () -> assertEquals(CAPACITY, sharedAnswers.stream().filter(s -> s == 200).count(),
                            "the two JVMs together let the capacity through: " + sharedAnswers),
                    () -> assertEquals(CAPACITY, sharedAnswers.stream().filter(s -> s == 429).count(), sharedAnswers.toString()),
                    () -> assertEquals(List.of(200, 429), List.of(first, second), "one token, taken by A, is gone for B"),
                    () -> assertEquals(List.of(200, 200), List.of(duringOutageA, duringOutageB),
                            "an outage lets requests through"),
                    () -> assertTrue(events.stream().anyMatch(l -> l.contains("\"type\":\"rate_limit\"")
                            && l.contains("\"outcome\":\"error\"") && l.contains("outage")), events.toString()));
        } finally {
            ownRedis.destroyForcibly();
        }
    }
}
