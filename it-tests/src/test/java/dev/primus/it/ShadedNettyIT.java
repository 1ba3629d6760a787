package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.GrpcApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of Netty that another jar shades under a package of its own is guarded as Netty is: a
 * gRPC client on grpc-netty-shaded ({@code io.grpc.netty.shaded.io.netty}), on its native epoll
 * transport, which never reaches the JDK's sockets, on JDK 17 and 25. Before the agent wove
 * shaded copies, its connect to a denied address went through unjudged and unaudited.
 */
class ShadedNettyIT {
    private static final String ALLOWED = "127.0.0.2";
    private static final String DENIED = "127.0.0.3";

    @Test
    void aGrpcClientOnItsShadedNettysEpollTransportIsJudged(@TempDir Path dir) throws Exception {
        try (LoopbackServers servers = new LoopbackServers()) {
            LoopbackServers.TcpCounter allowed = servers.tcp(ALLOWED);
            LoopbackServers.TcpCounter denied = servers.tcp(DENIED);
            Path audit = dir.resolve("audit.jsonl");
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, String.join("\n", "service: grpc-it", "mode: enforce", "egress:",
                    "  default: deny", "  allow:", "    - cidr: " + ALLOWED + "/32",
                    "audit:", "  sinks:", "    - type: file", "      path: " + audit, ""));
            String deniedTarget = DENIED + ":" + denied.port();
            for (Path jdk : Jdks.all()) {
                try (ForkedApp app = ForkedApp.on(jdk).withAgent("config=" + config)
                        .classPath(LibrarySets.classPath(GrpcApp.class, "grpc"))
                        .start(GrpcApp.class, ALLOWED + ":" + allowed.port(), deniedTarget)) {
                    assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), String.join("\n", app.stderr()));
                    String where = "on " + Jdks.name(jdk) + ": " + app.stdout();
                    List<String> results = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
                    List<Executable> checks = new ArrayList<>();
                    // Without epoll the test would show only what the JDK's socket hooks already judge.
                    checks.add(() -> assertTrue(app.stdout().contains("TRANSPORT epoll=true"), where));
                    checks.add(() -> assertEquals(2, results.size(), where));
                    checks.add(() -> assertTrue(!results.get(0).startsWith("RESULT DENIED"), where));
                    checks.add(() -> assertTrue(results.get(1).startsWith("RESULT DENIED connection to " + DENIED), where));
                    checks.add(() -> assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")
                            || line.contains("agent failure")), where + ": " + app.primusLines()));
                    assertAll(checks);
                }
            }
            int launches = Jdks.all().size();
            List<String> trail = AuditTrail.awaitLinesMatching(audit,
                    line -> line.contains("\"type\":\"egress\"") && line.contains("\"outcome\":\"denied\"")
                            && line.contains("\"port\":" + denied.port()));
            assertAll(
                    () -> assertEquals(0, denied.accepts(), "the denied server was reached"),
                    () -> assertTrue(awaitCount(allowed::accepts, launches) >= launches, "the allowed server was not reached"),
                    () -> assertTrue(trail.stream().anyMatch(line -> line.contains("\"outcome\":\"denied\"")
                            && line.contains("\"port\":" + denied.port())), "no denial audited: " + trail));
        }
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
