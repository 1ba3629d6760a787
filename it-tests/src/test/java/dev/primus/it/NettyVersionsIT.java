package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.NettyApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty with no client library above it, on JDK 17 and 25: connects on the NIO and the native
 * epoll transports, datagrams through epoll, and names resolved by Netty's own resolver, from the
 * hosts file and from a DNS server's answer, believed for the addresses it gave and no others.
 * Netty 4.1 by default; the version sweep ({@code -Pversion-sweep}) adds 4.2.
 */
class NettyVersionsIT {
    private static final String ALLOWED = "127.0.0.2";
    private static final String DENIED = "127.0.0.3";
    private static final String RESOLVER = "127.0.0.53";
    /** Where the DNS server says api.example is: no rule but the host rule allows it. */
    private static final String API = "127.0.0.10";

    /** The sets run on: the tests' own (null, Netty 4.1), and in the version sweep Netty 4.2. */
    static List<String> versions() {
        List<String> versions = new ArrayList<>();
        versions.add(null);
        if (LibrarySets.sweep()) {
            versions.add("netty-4.2");
        }
        return versions;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void connectsDatagramsAndNettysOwnResolverAreJudged(String set, @TempDir Path dir) throws Exception {
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.TcpCounter allowed = servers.tcp(ALLOWED);
            LoopbackServers.TcpCounter denied = servers.tcp(DENIED);
            LoopbackServers.TcpCounter api = servers.tcp(API);
            LoopbackServers.TcpCounter byName = servers.tcp("127.0.0.1");
            LoopbackServers.UdpCounter allowedUdp = servers.udp(ALLOWED);
            LoopbackServers.UdpCounter deniedUdp = servers.udp(DENIED);
            LoopbackServers.DnsAnswerer dns = servers.dns(RESOLVER, Map.of("api.example", API, "evil.example", DENIED));
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, String.join("\n", "service: netty-it", "mode: enforce", "egress:",
                    "  default: deny", "  allow:", "    - cidr: " + ALLOWED + "/32", "    - cidr: " + RESOLVER + "/32",
                    "    - host: api.example", "    - host: localhost", "      ports: [" + byName.port() + "]",
                    "audit:", "  sinks:", "    - type: file", "      path: " + dir.resolve("audit.jsonl"), ""));
            String resolver = " " + RESOLVER + " " + dns.port();
            List<String> commands = List.of(
                    "nio " + ALLOWED + " " + allowed.port(),
                    "nio " + DENIED + " " + denied.port(),
                    "epoll " + ALLOWED + " " + allowed.port(),
                    "epoll " + DENIED + " " + denied.port(),
                    "epolludp " + ALLOWED + " " + allowedUdp.port(),
                    "epolludp " + DENIED + " " + deniedUdp.port(),
                    "dns api.example " + api.port() + resolver,
                    "dns evil.example " + denied.port() + resolver,
                    "dns localhost " + byName.port() + resolver,
                    "nio " + API + " " + api.port(),
                    "nio 127.0.0.1 " + byName.port());
            for (Path jdk : Jdks.all()) {
                ForkedApp.Builder builder = ForkedApp.on(jdk).withAgent("config=" + config);
                if (set != null) {
                    builder.classPath(LibrarySets.classPath(NettyApp.class, set));
                }
                try (ForkedApp app = builder.start(NettyApp.class, commands.toArray(String[]::new))) {
                    assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), String.join("\n", app.stderr()));
                    List<String> results = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
                    String where = (set == null ? "Netty 4.1" : set) + " on " + Jdks.name(jdk) + ": " + results;
                    assertEquals(commands.size(), results.size(), where);
                    List<Executable> checks = new ArrayList<>();
                    checks.add(() -> assertEquals("RESULT OK connected", results.get(0), where));
                    checks.add(() -> assertDenied(results.get(1), where));
                    checks.add(() -> assertEquals("RESULT OK connected", results.get(2), where));
                    checks.add(() -> assertDenied(results.get(3), where));
                    checks.add(() -> assertEquals("RESULT OK sent", results.get(4), where));
                    checks.add(() -> assertDenied(results.get(5), where));
                    checks.add(() -> assertEquals("RESULT OK connected", results.get(6), "api.example by DNS: " + where));
                    checks.add(() -> assertDenied(results.get(7), "evil.example by DNS: " + where));
                    checks.add(() -> assertEquals("RESULT OK connected", results.get(8), "localhost from the hosts file: " + where));
                    // The same addresses without the names that were resolved to them: no rule allows them.
                    checks.add(() -> assertDenied(results.get(9), where));
                    checks.add(() -> assertDenied(results.get(10), where));
                    checks.add(() -> assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")
                            || line.contains("agent failure")), where + ": " + app.primusLines()));
                    assertAll(checks);
                }
            }
            List<Executable> reached = new ArrayList<>();
            reached.add(() -> assertEquals(0, denied.accepts(), "the denied server was reached"));
            reached.add(() -> assertEquals(Jdks.all().size(), awaitCount(api::accepts, Jdks.all().size()),
                    "api.example was reached by name only"));
            reached.add(() -> assertTrue(dns.questions().contains("api.example"), "Netty asked the DNS server: " + dns.questions()));
            // Three datagrams per app: two flushed together, one alone.
            reached.add(() -> assertEquals(3 * Jdks.all().size(), awaitCount(allowedUdp::packets, 3 * Jdks.all().size())));
            reached.add(() -> assertEquals(0, deniedUdp.packets(), "a denied datagram left"));
            assertAll(reached);
        }
    }

    /**
     * Netty 4.2's io_uring transport: its connect reaches the pipeline's head like any other, its
     * datagrams leave from its own native send, each judged there.
     */
    @org.junit.jupiter.api.Test
    void ioUringConnectsAndDatagramsAreJudged(@TempDir Path dir) throws Exception {
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.TcpCounter allowed = servers.tcp(ALLOWED);
            LoopbackServers.TcpCounter denied = servers.tcp(DENIED);
            LoopbackServers.UdpCounter allowedUdp = servers.udp(ALLOWED);
            LoopbackServers.UdpCounter deniedUdp = servers.udp(DENIED);
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, String.join("\n", "service: netty-it", "mode: enforce", "egress:",
                    "  default: deny", "  allow:", "    - cidr: " + ALLOWED + "/32", ""));
            List<String> commands = List.of("uring " + ALLOWED + " " + allowed.port(), "uring " + DENIED + " " + denied.port(),
                    "uringudp " + ALLOWED + " " + allowedUdp.port(), "uringudp " + DENIED + " " + deniedUdp.port());
            for (Path jdk : Jdks.all()) {
                try (ForkedApp app = ForkedApp.on(jdk).withAgent("config=" + config)
                        .classPath(LibrarySets.classPath(dev.primus.it.apps.IoUringApp.class, "netty-io_uring"))
                        .start(dev.primus.it.apps.IoUringApp.class, commands.toArray(String[]::new))) {
                    assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), String.join("\n", app.stderr()));
                    String where = "io_uring on " + Jdks.name(jdk) + ": " + app.stdout();
                    List<String> results = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
                    // Without io_uring (a kernel that disables it) the test would prove nothing: it fails instead.
                    assertTrue(app.stdout().contains("TRANSPORT io_uring=true"), where);
                    assertEquals(commands.size(), results.size(), where);
                    assertAll(() -> assertEquals("RESULT OK connected", results.get(0), where),
                            () -> assertDenied(results.get(1), where),
                            () -> assertEquals("RESULT OK sent", results.get(2), where),
                            () -> assertDenied(results.get(3), where));
                }
            }
            int launches = Jdks.all().size();
            assertAll(() -> assertEquals(0, denied.accepts(), "the denied server was reached"),
                    () -> assertEquals(3 * launches, awaitCount(allowedUdp::packets, 3 * launches)),
                    () -> assertEquals(0, deniedUdp.packets(), "a denied datagram left"));
        }
    }

    private static void assertDenied(String result, String where) {
        assertTrue(result.startsWith("RESULT DENIED connection to "), where + " gave " + result);
    }

    /** A server's count once it reaches {@code expected}, or after 5 s: the server counts on a thread of its own. */
    private static int awaitCount(java.util.function.IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count.getAsInt() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return count.getAsInt();
    }
}
