package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.ApacheHttp5App;
import dev.primus.it.apps.OkHttpApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP clients whose versions the default tests do not meet elsewhere: OkHttp 3.x and 5.x
 * (4.x runs in {@link EgressIT}), and Apache HttpClient 5 classic and async. The same hook, the
 * same class and method, judges by URL on every request, redirect hop and pooled connection, on
 * JDK 17 and 25; the version sweep ({@code -Pversion-sweep}) adds OkHttp 4.9 and 5.5 and
 * HttpClient 5.1, the oldest 5.x line this agent claims.
 */
class HttpClientVersionsIT {
    /** One client library at one version: the app that drives it, its first arguments, and its set (null: the tests' own). */
    record Client(String name, Class<?> app, List<String> args, String set) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Client> clients() {
        List<Client> clients = new ArrayList<>(List.of(
                new Client("okhttp-3", OkHttpApp.class, List.of(), "okhttp-3"),
                new Client("okhttp-5", OkHttpApp.class, List.of(), "okhttp-5"),
                new Client("httpclient5 classic", ApacheHttp5App.class, List.of("classic"), null),
                new Client("httpclient5 async", ApacheHttp5App.class, List.of("async"), null)));
        if (LibrarySets.sweep()) {
            clients.add(new Client("okhttp-4.9", OkHttpApp.class, List.of(), "okhttp-4.9"));
            clients.add(new Client("okhttp-5.5", OkHttpApp.class, List.of(), "okhttp-5.5"));
            clients.add(new Client("httpclient5-5.1 classic", ApacheHttp5App.class, List.of("classic"), "httpclient5-5.1"));
            clients.add(new Client("httpclient5-5.1 async", ApacheHttp5App.class, List.of("async"), "httpclient5-5.1"));
        }
        return clients;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void everyRequestAndRedirectHopIsJudgedByUrl(Client client, @TempDir Path dir) throws Exception {
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.HttpCounter denied = servers.http("127.0.0.3").answer("/", 200, "denied server reached", null);
            LoopbackServers.HttpCounter allowed = servers.http("127.0.0.2").answer("/ok", 200, "allowed", null)
                    .answer("/redirect", 302, "", denied.base() + "/target");
            LoopbackServers.HttpCounter api = servers.http("127.0.0.9").answer("/api/", 200, "api", null)
                    .answer("/admin", 200, "admin reached", null);
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, String.join("\n", "service: http-clients-it", "mode: enforce", "egress:",
                    "  default: deny", "  allow:", "    - cidr: 127.0.0.2/32", "    - url: " + api.base() + "/api/",
                    "audit:", "  sinks:", "    - type: file", "      path: " + dir.resolve("audit.jsonl"), ""));
            for (Path jdk : Jdks.all()) {
                ForkedApp.Builder builder = ForkedApp.on(jdk).withAgent("config=" + config);
                if (client.set() != null) {
                    builder.classPath(LibrarySets.classPath(client.app(), client.set()));
                }
                List<String> args = new ArrayList<>(client.args());
                args.addAll(List.of(allowed.base() + "/ok", denied.base() + "/x", allowed.base() + "/redirect",
                        api.base() + "/api/orders", api.base() + "/admin"));
                try (ForkedApp app = builder.start(client.app(), args.toArray(String[]::new))) {
                    assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), String.join("\n", app.stderr()));
                    List<String> results = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
                    assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")
                                    || line.contains("agent failure")),
                            client + ": hooks reported missing, or the agent failed: " + app.primusLines());
                    String where = client + " on " + Jdks.name(jdk) + ": " + results;
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
