package dev.primus.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

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
        Path agentJar = Path.of(args.length > 0 ? args[0] : "agent/target/primus-agent.jar").toAbsolutePath();
        Path config = Files.createTempFile("primus-bench", ".yaml");
        Files.writeString(config, "service: bench\nmode: enforce\negress:\n  default: deny\n  allow:\n"
                + "    - cidr: 127.0.0.0/8\naudit:\n  sinks:\n    - type: file\n      path: /dev/null\n");
        // Alternating single-fork runs, so drift of a noisy 2-core machine hits both sides alike.
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            without.add(score(run(null)));
            with.add(score(run("-javaagent:" + agentJar + "=config=" + config)));
        }
        double medianWithout = median(without);
        double medianWith = median(with);
        System.out.printf("loopback connect+close, %d alternating rounds: without agent %s us, with agent %s us;"
                        + " medians %.2f us and %.2f us, added %.1f%%%n", rounds, without, with, medianWithout, medianWith,
                100.0 * (medianWith - medianWithout) / medianWithout);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Collection<RunResult> run(String agent) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(SocketConnectBenchmark.class.getSimpleName()).forks(1);
        if (agent != null) {
            options.jvmArgsAppend(agent);
        }
        Options built = options.build();
        return new Runner(built).run();
    }

    private static double score(Collection<RunResult> results) {
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
