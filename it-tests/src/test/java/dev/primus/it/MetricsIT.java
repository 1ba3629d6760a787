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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /metrics} of running apps, on JDK 17 and 25: each guard is driven a known number of
 * times between two scrapes, and every counter moves by exactly that. The endpoint is served by
 * the agent on a port of its own, not by the app.
 */
class MetricsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** {@code name{labels} value}: one sample of the text format 0.0.4. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** Every sample of one scrape, by series as written; waits for the endpoint, which binds after premain. */
    private Map<String, Double> scrape(int port) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
                Map<String, Double> samples = new HashMap<>();
                for (String line : response.body().split("\n")) {
                    Matcher sample = SAMPLE.matcher(line);
                    if (!line.startsWith("#") && sample.matches()) {
                        samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
                    }
                }
                return samples;
            } catch (java.net.ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void egressAndMaskingCountersMoveByWhatWasDriven(Path jdk, @TempDir Path dir) throws Exception {
        int port = LoopbackServers.freePort();
        Path config = dir.resolve("primus.yaml");
        Path log = dir.resolve("app.log");
        Files.writeString(config, String.join("\n", "service: metrics-it", "mode: enforce", "egress:", "  default: deny",
                "  allow:", "    - cidr: 127.0.0.4/32", "metrics:", "  prometheus: { port: " + port + " }", ""));
        try (LoopbackServers servers = new LoopbackServers();
             ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config))) {
            String allowed = "socket 127.0.0.4 " + servers.tcp("127.0.0.4").port();
            String denied = "socket 127.0.0.5 " + servers.tcp("127.0.0.5").port();
            Map<String, Double> before = scrape(port);
            for (int i = 0; i < 100; i++) {
                app.run(allowed);
            }
            for (int i = 0; i < 28; i++) {
                app.run(denied);
            }
            for (int i = 0; i < 7; i++) {
                app.run("log " + log + " card {0}");
            }
            Files.writeString(config, Files.readString(config).replace("127.0.0.4/32", "127.0.0.6/32"));
            app.app().awaitStderr(l -> l.contains("reloaded (the file changed): generation 2"), DEADLINE);
            Map<String, Double> after = scrape(port);

            assertAll(
                    () -> assertEquals(100, delta(before, after,
                            "primus_decisions_total{module=\"egress\",outcome=\"allowed\",rule=\"egress.allow[0]\"}")),
                    () -> assertEquals(28, delta(before, after,
                            "primus_decisions_total{module=\"egress\",outcome=\"denied\",rule=\"egress.default\"}")),
                    () -> assertEquals(1, delta(before, after, "primus_egress_new_destinations_total{outcome=\"allowed\"}")),
                    () -> assertEquals(1, delta(before, after, "primus_egress_new_destinations_total{outcome=\"denied\"}")),
                    () -> assertEquals(2, delta(before, after, "primus_decision_duration_seconds_count{module=\"egress\"}"),
                            "one decision in 64 of the 128 is timed"),
                    () -> assertEquals(7, delta(before, after, "primus_masked_values_total{detector=\"credit_card\"}")),
                    () -> assertEquals(1, delta(before, after, "primus_config_reloads_total{result=\"applied\"}")),
                    () -> assertEquals(2, after.get("primus_policy_generation")),
                    () -> assertEquals(0, after.get("primus_kill_switch_engaged")),
                    () -> assertEquals(1, after.get("primus_policy_writable"), "the test's own folder is writable"),
                    () -> assertEquals(0, after.get("primus_agent_failures_total")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void authAndRateLimitCountersMoveByWhatWasDriven(Path jdk, @TempDir Path dir) throws Exception {
        int metricsPort = LoopbackServers.freePort();
        Path config = dir.resolve("primus.yaml");
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(config, String.join("\n", "service: metrics-it", "mode: enforce", "auth:", "  default: deny",
                "  rules:", "    - match: { path: \"/public/**\" }", "      require: public",
                "    - match: { path: \"/limited/**\" }", "      require: public", "      rate_limit: per-ip",
                "  rate_limits:", "    - { id: per-ip, key: client_ip, capacity: 3, refill_per_second: 0 }",
                "audit:", "  sinks:", "    - type: file", "      path: " + audit,
                "metrics:", "  prometheus: { port: " + metricsPort + " }", ""));
        try (ForkedApp tomcat = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                .withAgent("config=" + config).start(TomcatApp.class, "jakarta", "")) {
            tomcat.awaitStdout(line -> line.startsWith("READY "), Duration.ofSeconds(90));
            int port = tomcat.readyPort();
            String written = "primus_audit_events_total{sink=\"file:" + audit + "\",result=\"written\"}";
            // The start-up events are in the file before the first scrape, so the counter's delta is what follows.
            int linesBefore = AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"reason\":\"loaded\"")).size();
            Map<String, Double> first = scrape(metricsPort);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (first.getOrDefault(written, 0.0) < linesBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
                first = scrape(metricsPort);
            }
            Map<String, Double> before = first;
            int[] statuses = new int[4];
            for (int i = 0; i < 4; i++) {
                statuses[0] += get(port, "/public/x") == 200 ? 1 : 0;
            }
            java.util.Set<Integer> neverStatuses = new java.util.TreeSet<>();
            for (int i = 0; i < 5; i++) {
                int status = get(port, "/never/x");
                neverStatuses.add(status);
                statuses[1] += status == 403 ? 1 : 0;
            }
            for (int i = 0; i < 6; i++) {
                int status = get(port, "/limited/x");
                statuses[status == 200 ? 2 : 3] += status == 200 || status == 429 ? 1 : 0;
            }
            // The first refusal of each kind is written now; their repeats are folded into one report later.
            List<String> events = AuditTrail.awaitLinesMatching(audit, l -> l.contains("\"type\":\"authz\""),
                    l -> l.contains("\"type\":\"rate_limit\""));
            // The file and the counter are read with nothing written between them; a batch is counted just
            // after it is written, so they are read again (for at most the deadline) until both have settled.
            int linesThen;
            int linesNow;
            Map<String, Double> scrapedAfter;
            long settleBy = System.nanoTime() + DEADLINE.toNanos();
            do {
                linesThen = Files.readAllLines(audit).size();
                scrapedAfter = scrape(metricsPort);
                linesNow = Files.readAllLines(audit).size();
            } while ((linesNow != linesThen || scrapedAfter.getOrDefault(written, 0.0) - before.get(written)
                    != linesNow - linesBefore) && System.nanoTime() < settleBy);
            Map<String, Double> after = scrapedAfter;
            int linesAfter = linesNow;

            assertAll(
                    () -> assertEquals(List.of(4, 5, 3, 3), List.of(statuses[0], statuses[1], statuses[2], statuses[3]),
                            "public 200s, unnamed 403s " + neverStatuses + ", limited 200s then 429s"),
                    () -> assertEquals(4, delta(before, after,
                            "primus_decisions_total{module=\"auth\",outcome=\"allowed\",rule=\"auth.rules[0]\"}")),
                    () -> assertEquals(3, delta(before, after,
                            "primus_decisions_total{module=\"auth\",outcome=\"allowed\",rule=\"auth.rules[1]\"}")),
                    () -> assertEquals(5, delta(before, after,
                            "primus_decisions_total{module=\"authz\",outcome=\"denied\",rule=\"auth.default\"}")),
                    () -> assertEquals(5, delta(before, after,
                            "primus_auth_failures_total{reason=\"forbidden\",rule=\"auth.default\"}")),
                    () -> assertEquals(3, delta(before, after,
                            "primus_decisions_total{module=\"rate_limit\",outcome=\"denied\",rule=\"auth.rules[1]\"}")),
                    () -> assertEquals(3, delta(before, after,
                            "primus_rate_limit_rejections_total{limit=\"per-ip\",key=\"client_ip\"}")),
                    () -> assertEquals(linesBefore, before.get(written), "events written before the first scrape"),
                    () -> assertEquals(linesAfter - linesBefore, delta(before, after, written), "events written between"),
                    () -> assertTrue(linesAfter - linesBefore >= 2, events.toString()),
                    () -> assertEquals(0, after.get("primus_audit_events_total{sink=\"file:" + audit + "\",result=\"dropped\"}")),
                    () -> assertTrue(after.get("primus_hooks{state=\"woven\"}") >= 1, "Tomcat's filter chain is woven"),
                    () -> assertEquals(0, after.get("primus_hooks{state=\"missed\"}")));
        }
    }

    private int get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
