package dev.primus.agent.audit.nats;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server of the test's own, with JetStream, on a loopback port of its own (never the
 * shared one on 4222, which other tests and CI use): started, stopped and started again on the
 * same port and store, as an outage would.
 */
final class NatsServer implements AutoCloseable {
    private static final String BINARY = "/usr/sbin/nats-server";

    private final int port;
    private final Path dir;
    private final String extraConfig;
    private Process process;

    private NatsServer(int port, Path dir, String extraConfig) {
        this.port = port;
        this.dir = dir;
        this.extraConfig = extraConfig;
    }

    /** Starts one on a free port, its JetStream store under {@code dir}; {@code extraConfig} adds to its config file. */
    static NatsServer start(Path dir, String extraConfig) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NatsServer server = new NatsServer(port, dir, extraConfig);
        server.start();
        return server;
    }

    void start() throws Exception {
        Path config = dir.resolve("nats.conf");
        Files.write(config, ("listen: 127.0.0.1:" + port + "\n"
                + "jetstream { store_dir: \"" + dir.resolve("store") + "\" }\n" + extraConfig + "\n")
                .getBytes(StandardCharsets.UTF_8));
        List<String> command = new ArrayList<String>();
        command.add(BINARY);
        command.add("-c");
        command.add(config.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "server.log")).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not listen on " + port + ": "
                + new String(Files.readAllBytes(dir.resolve("server.log")), StandardCharsets.UTF_8));
    }

    /** Stops it as an outage would, without a clean shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
