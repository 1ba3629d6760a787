package dev.primus.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A loopback {@code Socket.connect} and close, in a JVM without the agent and in one with it
 * (egress enforce, the destination allowed), alternating in the same run; prints the medians.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.primus.benchmarks.SocketConnectBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SocketConnectBenchmark {
    private ServerSocket server;
    private Thread acceptor;
    private InetSocketAddress address;

    @Setup
    public void setUp() throws IOException {
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    server.accept().close();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @TearDown
    public void tearDown() throws IOException {
        server.close();
    }

    @Benchmark
    public boolean connectAndClose() throws IOException {
        try (Socket socket = new Socket()) {
            // Reset on close: a million closed loopback connections in TIME_WAIT would exhaust the ephemeral ports.
            socket.setSoLinger(true, 0);
            socket.connect(address);
            return socket.isConnected();
        }
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = Path.of(args.length > 0 ? args[0] : "agent/target/primus-agent.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        new AgentComparison(SocketConnectBenchmark.class, agentJar, "service: bench\nmode: enforce\negress:\n"
                + "  default: deny\n  allow:\n    - cidr: 127.0.0.0/8\naudit:\n  sinks:\n    - type: file\n"
                + "      path: /dev/null\n").run(rounds, "loopback connect+close", "us");
    }
}
