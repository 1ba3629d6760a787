package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.OkHttpApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OkHttp 3.x and 5.x (4.x runs in {@link EgressIT}): the same hook, the same class and method,
 * judged by URL on every request, redirect hop and pooled connection, on JDK 17 and 25; in the
 * version sweep ({@code -Pversion-sweep}) also OkHttp 4.9 and 5.5.
 */
class OkHttpVersionsIT {
    /** The sets run on; the version sweep adds the oldest 4.x line this agent claims and the newest 5.x. */
    static List<String> versions() {
        return LibrarySets.sweep() ? List.of("okhttp-3", "okhttp-5", "okhttp-4.9", "okhttp-5.5") : List.of("okhttp-3", "okhttp-5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void everyRequestAndRedirectHopIsJudgedByUrl(String version, @TempDir Path dir) throws Exception {
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.HttpCounter denied = servers.http("127.0.0.3").answer("/", 200, "denied server reached", null);
            LoopbackServers.HttpCounter allowed = servers.http("127.0.0.2").answer("/ok", 200, "allowed", null)
                    .answer("/redirect", 302, "", denied.base() + "/target");
            LoopbackServers.HttpCounter api = servers.http("127.0.0.9").answer("/api/", 200, "api", null)
                    .answer("/admin", 200, "admin reached", null);
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, String.join("\n", "service: okhttp-it", "mode: enforce", "egress:",
                    "  default: deny", "  allow:", "    - cidr: 127.0.0.2/32", "    - url: " + api.base() + "/api/",
                    "audit:", "  sinks:", "    - type: file", "      path: " + dir.resolve("audit.jsonl"), ""));
            for (Path jdk : Jdks.all()) {
                ForkedApp.Builder builder = ForkedApp.on(jdk).withAgent("config=" + config)
                        .classPath(LibrarySets.classPath(OkHttpApp.class, version));
                try (ForkedApp app = builder.start(OkHttpApp.class, allowed.base() + "/ok", denied.base() + "/x",
                        allowed.base() + "/redirect", api.base() + "/api/orders", api.base() + "/admin")) {
                    assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), String.join("\n", app.stderr()));
                    List<String> results = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
                    assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")
                                    || line.contains("agent failure")),
                            version + ": hooks reported missing, or the agent failed: " + app.primusLines());
                    String where = version + " on " + Jdks.name(jdk) + ": " + results;
                    assertEquals(5, results.size(), where);
                    assertEquals("RESULT OK 200 allowed", results.get(0), where);
                    assertDenied(results.get(1), denied.base() + "/x", where);
                    assertDenied(results.get(2), denied.base() + "/target", where);
                    assertEquals("RESULT OK 200 api", results.get(3), where);
                    // The pooled connection to the api host does not get around the url rule.
                    assertDenied(results.get(4), api.base() + "/admin", where);
                }
            }
            assertEquals(0, denied.hits());
            assertEquals(Jdks.all().size(), api.hits(), "only /api/ reached the api server");
        }
    }

    private static void assertDenied(String result, String url, String where) {
        assertTrue(result.startsWith("RESULT DENIED connection to ") && result.contains(url), url + " in " + where);
    }
}
