package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Differential: {@code check-egress} says what the running agent does. The same destinations go
 * to a probe app under the agent (on JDK 17 and 25) and to the verb with the same config; each
 * must agree on allow or deny, and the verb's rule must be the rule of the agent's audit event
 * for that destination. The config covers localhost only by the address it resolves to (a
 * cidr rule), the case where the verb once denied what the agent allowed, and names a host by a
 * url rule, which an HTTP client meets by name and a socket by address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckEgressIT {
    private final LoopbackServers servers = new LoopbackServers();
    private final Map<Path, ProbeApp> apps = new LinkedHashMap<>();
    private final Map<Path, Path> audits = new LinkedHashMap<>();
    private String rules;
    private Path config;
    /** Probe command, then the same destination as check-egress takes it. */
    private final List<String[]> destinations = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        LoopbackServers.TcpCounter local = servers.tcp("127.0.0.1");
        LoopbackServers.HttpCounter localHttp = servers.http("127.0.0.1").answer("/ok", 200, "ok", null);
        LoopbackServers.HttpCounter api = servers.http("127.0.0.2").answer("/api/", 200, "api", null)
                .answer("/admin", 200, "admin", null);
        LoopbackServers.TcpCounter unlisted = servers.tcp("127.0.0.3");
        LoopbackServers.TcpCounter denied = servers.tcp("127.0.0.4");
        Path dir = Files.createTempDirectory("primus-check-egress-it");
        config = dir.resolve("primus.yaml");
        rules = String.join("\n", "service: check-egress-it", "mode: enforce", "egress:",
                "  default: deny", "  allow:", "    - cidr: 127.0.0.1/32", "    - url: " + api.base() + "/api/",
                "    - cidr: 127.0.0.4/32", "  deny:", "    - cidr: 127.0.0.4/32", "");
        Files.writeString(config, rules);
        socket("localhost", local.port());
        socket("127.0.0.1", local.port());
        socket("127.0.0.2", api.port());
        socket("127.0.0.3", unlisted.port());
        socket("127.0.0.4", denied.port());
        url("url", "http://localhost:" + localHttp.port() + "/ok");
        url("url", localHttp.base() + "/ok");
        url("okhttp", "http://localhost:" + localHttp.port() + "/ok");
        url("url", api.base() + "/api/orders");
        url("url", api.base() + "/admin");
        url("httpclient", api.base() + "/api/orders");
        for (Path jdk : Jdks.all()) {
            // The same rules, each app with an audit file of its own.
            Path audit = dir.resolve(Jdks.name(jdk) + ".jsonl");
            Path withAudit = dir.resolve(Jdks.name(jdk) + ".yaml");
            Files.writeString(withAudit, rules + "audit:\n  sinks:\n    - type: file\n      path: " + audit + "\n");
            audits.put(jdk, audit);
            apps.put(jdk, new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + withAudit)));
        }
    }

    private void socket(String host, int port) {
        destinations.add(new String[] {"socket " + host + " " + port, host + ":" + port});
    }

    private void url(String client, String url) {
        destinations.add(new String[] {client + " " + url, url});
    }

    @AfterAll
    void stop() throws Exception {
        for (ProbeApp app : apps.values()) {
            app.close();
        }
        servers.close();
    }

    @Test
    void theVerbDecidesAsTheRunningAgentDoes() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<Path, ProbeApp> app : apps.entrySet()) {
            for (String[] destination : destinations) {
                String result = app.getValue().run(destination[0]);
                boolean agentAllowed = !result.startsWith("DENIED");
                try (ForkedApp check = ForkedApp.cli(app.getKey(), "check-egress", config.toString(), destination[1])) {
                    int exit = check.awaitExit(Duration.ofSeconds(60));
                    List<String> said = check.stdout();
                    checks.add(() -> assertEquals(agentAllowed ? 0 : 1, exit, app.getValue().name() + ": "
                            + destination[0] + " gave '" + result + "'; check-egress said " + said + check.stderr()));
                    checks.add(() -> assertEquals(agentAllowed ? "allow" : "deny", said.isEmpty() ? "" : said.get(0).split(" ")[0],
                            app.getValue().name() + ": " + destination[0] + ": " + said));
                    String rule = said.isEmpty() ? "?" : said.get(0).replaceFirst("^\\S+ \\S+ by (\\S+): .*$", "$1");
                    String port = "\"port\":" + destination[1].replaceFirst("^.*:(\\d+).*$", "$1");
                    List<String> events = AuditTrail.awaitLinesMatching(audits.get(app.getKey()),
                            l -> l.contains("\"type\":\"egress\"") && l.contains(port) && l.contains("\"rule\":\"" + rule + "\""));
                    checks.add(() -> assertTrue(events.stream().anyMatch(l -> l.contains("\"type\":\"egress\"") && l.contains(port)
                            && l.contains("\"rule\":\"" + rule + "\"")), app.getValue().name() + ": " + destination[0]
                            + ": check-egress names " + rule + "; the agent audited " + events));
                }
            }
        }
        assertAll(checks);
    }
}
