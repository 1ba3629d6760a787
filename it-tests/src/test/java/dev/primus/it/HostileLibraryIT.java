package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.hostile.HostileLibraryApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compromised dependency inside the app tries to switch the guards off or walk around them
 * ({@link HostileLibraryApp}): through the bridge, the engine, a second installation, or a name
 * the policy allows put on an address it does not, on JDK 17 and 25, in enforce and monitor mode: after every attack
 * a connect to a denied loopback server is still denied (its counter stays at 0) in enforce
 * mode, and audited as {@code would_deny} in monitor mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLibraryIT {
    private static final String ALLOWED = "127.0.0.2";
    private static final String DENIED = "127.0.0.3";
    /** Denied too; only the monitor-mode apps call it, so that they do not count against {@link #DENIED}. */
    private static final String MONITORED = "127.0.0.5";
    /** In the order they run: the later ones build on what the earlier ones might have broken. */
    private static final List<String> ATTACKS = List.of("none", "public-install", "call-depth", "write-gate-fields",
            "open-engine", "engage-kill-switch", "swap-policy", "define-into-bridge", "enter-without-leaving", "second-starter", "reset-latch-and-start",
            "forged-name", "okhttp-own-dns", "vouched-name", "vouched-netty-name", "app-request-object",
            "net-connect", "is-reachable", "connect-while-request-is-read", "forward-claim-unjudged");
    /** Routes by UDP, each checked against a datagram counter. */
    private static final List<String> UDP_ROUTES = List.of("legacy-datagram-connect", "multicast-send");
    /** Allowed by name; no resolver ever answers it, so every address it is seen with is a forgery. */
    private static final String ALLOWED_NAME = "allowed.example";

    private final LoopbackServers servers = new LoopbackServers();
    private final List<ProbeApp> enforcing = new ArrayList<>();
    private final List<ProbeApp> monitoring = new ArrayList<>();
    private final List<Path> monitorAudits = new ArrayList<>();
    private LoopbackServers.TcpCounter denied;
    private LoopbackServers.TcpCounter monitored;
    private LoopbackServers.UdpCounter deniedUdp;
    private LoopbackServers.UdpCounter monitoredUdp;
    private LoopbackServers.HttpCounter allowed;
    /** Reachable by url rule only: /api/ is allowed, /admin is not. */
    private LoopbackServers.HttpCounter api;
    private Path allowAll;

    @BeforeAll
    void start() throws Exception {
        denied = servers.tcp(DENIED);
        monitored = servers.tcp(MONITORED);
        deniedUdp = servers.udp(DENIED);
        monitoredUdp = servers.udp(MONITORED);
        allowed = servers.http(ALLOWED).answer("/", 200, "allowed", null);
        api = servers.http("127.0.0.9").answer("/api/", 200, "api", null).answer("/admin", 200, "admin reached", null);
        Path dir = Files.createTempDirectory("primus-hostile-it");
        allowAll = dir.resolve("allow-all.yaml");
        Files.writeString(allowAll, "service: hostile\nmode: enforce\negress:\n  default: allow\n");
        for (Path jdk : Jdks.all()) {
            for (String mode : List.of("enforce", "monitor")) {
                Path config = dir.resolve(Jdks.name(jdk) + "-" + mode + ".yaml");
                Path audit = dir.resolve(Jdks.name(jdk) + "-" + mode + ".jsonl");
                Files.writeString(config, String.join("\n", "service: hostile-it", "mode: " + mode, "egress:",
                        "  default: deny", "  processes: [/usr/bin/true]", "  allow:", "    - cidr: " + ALLOWED + "/32", "    - host: " + ALLOWED_NAME,
                        "    - url: " + api.base() + "/api/", "auth:", "  default: allow", "  rules:",
                        "    - match: { path: \"/admin/**\" }", "      require: deny", "audit:", "  sinks:",
                        "    - type: file", "      path: " + audit, ""));
                // Real apps carry such flags; with it, code in the app can call the JDK's Net.connect.
                ProbeApp app = new ProbeApp(Jdks.name(jdk) + " " + mode, ForkedApp.on(jdk).withAgent("config=" + config)
                        .jvmArg("--add-opens").jvmArg("java.base/sun.nio.ch=ALL-UNNAMED"), HostileLibraryApp.class);
                if (mode.equals("enforce")) {
                    enforcing.add(app);
                } else {
                    monitoring.add(app);
                    monitorAudits.add(audit);
                }
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

    private String command(String attack, String host, int port) {
        String argument = switch (attack) {
            case "second-starter", "reset-latch-and-start" -> allowAll.toString();
            case "enter-without-leaving" -> allowed.base() + "/";
            case "forged-name", "okhttp-own-dns", "vouched-name", "vouched-netty-name" -> ALLOWED_NAME;
            default -> "-";
        };
        return attack + " " + argument + " " + host + " " + port;
    }

    @Test
    void noAttackSwitchesEgressOffInEnforceMode() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (ProbeApp app : enforcing) {
            for (String attack : ATTACKS) {
                String result = app.run(command(attack, DENIED, denied.port()));
                // isReachable tries TCP port 7 (or ICMP, judged as it), whatever port the command names.
                int port = attack.equals("is-reachable") ? 7 : denied.port();
                checks.add(() -> assertTrue(result.contains("; DENIED connection to " + DENIED + ":" + port),
                        app.name() + " after " + attack + ": " + result));
                if (attack.equals("open-engine")) {
                    checks.add(() -> assertTrue(result.contains("in module dev.primus.agent: 0 fields opened"),
                            app.name() + ": the engine's fields are sealed: " + result));
                }
                if (attack.equals("engage-kill-switch")) {
                    checks.add(() -> assertTrue(result.startsWith("reflection refused handle refused watch refused;"),
                            app.name() + ": the kill switch is the operator's alone: " + result));
                }
                if (attack.equals("swap-policy")) {
                    // The egress gate holds EgressGuard, whose judge (with apply) is behind a sealed field.
                    checks.add(() -> assertTrue(result.startsWith("apply: LogMasking reflection refused LogMasking handle "
                            + "refused AuthGate reflection refused AuthGate handle refused;"),
                            app.name() + ": no code in the app swaps a policy in: " + result));
                }
                if (attack.equals("write-gate-fields")) {
                    checks.add(() -> assertTrue(result.startsWith("no field written;"), app.name() + ": " + result));
                }
                if (attack.equals("connect-while-request-is-read")) {
                    checks.add(() -> assertTrue(result.startsWith("admitted, from the header: DENIED connection to "
                            + DENIED + ":" + port), app.name() + ": reading the request is judged: " + result));
                }
                if (attack.equals("forward-claim-unjudged")) {
                    checks.add(() -> assertTrue(result.startsWith("as a forward: refused, then as a request: refused, "
                            + "under a wrapper naming another path: refused"),
                            app.name() + ": a claimed dispatch type proves no judgement: " + result));
                }
                if (attack.equals("define-into-bridge")) {
                    checks.add(() -> assertTrue(result.contains(": refused;"), app.name() + ": " + result));
                }
            }
        }
        for (ProbeApp app : enforcing) {
            for (String route : UDP_ROUTES) {
                String result = app.run(command(route, DENIED, deniedUdp.port()));
                checks.add(() -> assertTrue(result.contains("; DENIED connection to " + DENIED + ":" + deniedUdp.port()),
                        app.name() + " by " + route + ": " + result));
            }
        }
        for (ProbeApp app : enforcing) {
            // A check that runs out of stack lets nothing through: the connect from a full stack is not made.
            String overflow = app.run("stack-overflow-connect " + ALLOWED + ":" + allowed.port() + " " + DENIED + " "
                    + denied.port());
            checks.add(() -> assertTrue(overflow.contains("; DENIED connection to " + DENIED + ":" + denied.port()),
                    app.name() + ": " + overflow));
        }
        for (ProbeApp app : enforcing) {
            // A request made while another is judged, to the other's host but a path its url rule denies.
            String nested = app.run("nested-in-proxy-selector " + api.base() + "/api/orders|" + api.base() + "/admin "
                    + DENIED + " 0");
            checks.add(() -> assertTrue(nested.contains("DENIED connection to " + api.base() + "/admin")
                    && nested.endsWith("(outer 200)"), app.name() + ": " + nested));
            for (String route : List.of("exec", "runtime-exec")) {
                String refused = app.run(route + " /bin/echo " + DENIED + " 0");
                checks.add(() -> assertTrue(refused.startsWith("route " + route + "; DENIED starting /bin/echo denied by "
                        + "egress.processes"), app.name() + ": " + refused));
                checks.add(() -> assertTrue(!refused.contains("hunter2"), "the arguments are never told"));
                String allowedRun = app.run(route + " /usr/bin/true " + DENIED + " 0");
                checks.add(() -> assertEquals("route " + route + "; exited 0", allowedRun, app.name()));
            }
        }
        assertAll(checks);
        assertEquals(0, denied.accepts(), "no attack reached the denied server");
        assertEquals(0, deniedUdp.packets(), "no datagram reached the denied server");
    }

    /**
     * A JDK 18+ {@code InetAddressResolverProvider} the app supplies, mapping the allowed name to
     * the denied address: the JDK then asks it for every name, so its answers vouch for nothing.
     * Compiled by JDK 25's javac at test time into a folder of its own (the SPI is not in release
     * 17, which the test sources are built for), and on that app's class path only.
     */
    @Test
    void aResolverTheAppSuppliesCannotRouteAnAllowedNameToADeniedAddress(@TempDir Path dir) throws Exception {
        Path jdk25 = Jdks.all().get(1);
        Path source = Files.createDirectories(dir.resolve("src/hostile")).resolve("RoutingResolverProvider.java");
        Files.writeString(source, String.join("\n",
                "package hostile;",
                "import java.net.InetAddress;",
                "import java.net.spi.InetAddressResolver;",
                "import java.net.spi.InetAddressResolverProvider;",
                "import java.util.stream.Stream;",
                "public final class RoutingResolverProvider extends InetAddressResolverProvider {",
                "    @Override public InetAddressResolver get(Configuration configuration) {",
                "        InetAddressResolver builtin = configuration.builtinResolver();",
                "        return new InetAddressResolver() {",
                "            @Override public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)",
                "                    throws java.net.UnknownHostException {",
                "                return host.equals(\"" + ALLOWED_NAME + "\")",
                "                        ? Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 3}))",
                "                        : builtin.lookupByName(host, policy);",
                "            }",
                "            @Override public String lookupByAddress(byte[] address) throws java.net.UnknownHostException {",
                "                return builtin.lookupByAddress(address);",
                "            }",
                "        };",
                "    }",
                "    @Override public String name() { return \"routing\"; }",
                "}", ""));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Process javac = new ProcessBuilder(jdk25.resolve("bin/javac").toString(), "-d", classes.toString(), source.toString())
                .redirectErrorStream(true).start();
        String compilerOutput = new String(javac.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, javac.waitFor(), compilerOutput);
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("java.net.spi.InetAddressResolverProvider"), "hostile.RoutingResolverProvider\n");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n", "service: hostile-it", "mode: enforce", "egress:", "  default: deny",
                "  allow:", "    - host: " + ALLOWED_NAME, ""));
        try (ProbeApp app = new ProbeApp("JDK 25 with a resolver of its own", ForkedApp.on(jdk25).withAgent("config=" + config)
                .classPath(System.getProperty("java.class.path") + java.io.File.pathSeparator + classes), HostileLibraryApp.class)) {
            String result = app.run("none - " + ALLOWED_NAME + " " + denied.port());
            assertTrue(result.contains("; DENIED connection to " + DENIED + ":" + denied.port()), result);
            assertTrue(app.app().stderr().stream().anyMatch(line -> line.contains("the app supplies its own name resolver")),
                    "the agent says why it judges by address: " + app.app().stderr());
        }
        assertEquals(0, denied.accepts());
    }

    @Test
    void everyAttackIsSeenAsWouldDenyInMonitorMode() throws Exception {
        for (int i = 0; i < monitoring.size(); i++) {
            ProbeApp app = monitoring.get(i);
            for (String attack : ATTACKS) {
                String result = app.run(command(attack, MONITORED, monitored.port()));
                assertTrue(!result.contains("DENIED") && !result.contains("attack failed"),
                        app.name() + " after " + attack + ": " + result);
            }
            for (String route : UDP_ROUTES) {
                String result = app.run(command(route, MONITORED, monitoredUdp.port()));
                assertTrue(result.endsWith("; sent"), app.name() + " by " + route + ": " + result);
            }
            String started = app.run("exec /bin/echo " + MONITORED + " 0");
            assertEquals("route exec; exited 0", started, app.name() + ": monitor lets the process start");
            List<String> processAudit = AuditTrail.awaitLinesMatching(monitorAudits.get(i),
                    line -> line.contains("\"outcome\":\"would_deny\"") && line.contains("\"executable\":\"/bin/echo\""));
            assertTrue(processAudit.stream().anyMatch(line -> line.contains("\"executable\":\"/bin/echo\"")
                    && line.contains("would_deny")), app.name() + ": " + processAudit);
            assertTrue(processAudit.stream().noneMatch(line -> line.contains("hunter2")), "the arguments are never audited");
            Predicate<String> wouldDeny = line -> line.contains("\"type\":\"egress\"")
                    && line.contains("\"outcome\":\"would_deny\"") && line.contains("\"port\":" + monitored.port());
            List<String> audit = AuditTrail.awaitLinesMatching(monitorAudits.get(i), wouldDeny);
            assertTrue(audit.stream().anyMatch(wouldDeny), app.name() + ": " + audit);
        }
    }
}
