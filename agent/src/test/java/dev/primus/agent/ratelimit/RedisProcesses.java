package dev.primus.agent.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * redis-server processes a test class starts on free loopback ports, each with its own directory
 * and log under the class's temp dir, all stopped by {@link #close()} (also at JVM exit, should a
 * test runner skip {@code @AfterAll}). Never the shared Redis on 6379.
 */
final class RedisProcesses implements AutoCloseable {
    static final String REDIS_SERVER = "/usr/bin/redis-server";
    static final Duration STARTUP = Duration.ofSeconds(10);

    private final Path dir;
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, Process> byName = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread reaper = new Thread(this::close, "test-redis-reaper");

    RedisProcesses(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * A loopback port free now, below 55536 and with the port 10000 above it free too: a cluster
     * node's bus listens there.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 55000);
            if (port != 6379 && free(port) && free(port + 10000)) {
                return port;
            }
        }
        throw new IOException("no free pair of loopback ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A redis-server on {@code port} (plain; {@code --port 0} among {@code args} makes it TLS only). */
    Process server(String name, int port, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(REDIS_SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no"));
        Collections.addAll(command, args);
        return start(name, command, port);
    }

    /** A sentinel on {@code port} with {@code config} (the monitor lines and timings). */
    Process sentinel(String name, int port, String config) throws IOException {
        Path file = home(name).resolve("sentinel.conf");
        Files.writeString(file, "port " + port + "\nbind 127.0.0.1\nprotected-mode no\n" + config);
        return start(name, List.of(REDIS_SERVER, file.toString(), "--sentinel"), port);
    }

    private Path home(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private Process start(String name, List<String> command, int port) throws IOException {
        Path home = home(name);
        List<String> withFiles = new ArrayList<>(command);
        withFiles.addAll(List.of("--dir", home.toString(), "--logfile", home.resolve("redis.log").toString()));
        Process process = new ProcessBuilder(withFiles).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile()).start();
        processes.add(process);
        byName.put(name, process);
        awaitTrue(() -> !process.isAlive() || listening(port), STARTUP, name + " listening on " + port);
        if (!process.isAlive()) {
            throw new IOException(name + " exited: " + log(name));
        }
        return process;
    }

    /** Runs {@code redis-cli ... --cluster create ...}, its output in {@code dir}; at most 30 s. */
    static void createCluster(Path dir, List<String> command) throws IOException, InterruptedException {
        Path output = dir.resolve("cluster-create.log");
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!cli.waitFor(30, TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException("redis-cli --cluster create did not finish in 30 s: " + Files.readString(output));
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(output));
        }
    }

    /** The process started under {@code name}. */
    Process process(String name) {
        return byName.get(name);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server's log, for an assertion's message. */
    String log(String name) {
        try {
            Path home = dir.resolve(name);
            return Files.readString(home.resolve("stdout.log")) + Files.readString(home.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops one server at once, as a crash would. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        for (Process process : all) {
            process.destroy();
        }
        for (Process process : all) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (Thread.currentThread() != reaper) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway; nothing left for it to do.
            }
        }
    }

    /** One command on a plain connection to 127.0.0.1:{@code port}, no password. */
    static Object call(int port, String... command) {
        return callAs(null, port, command);
    }

    /** One command on a plain connection to 127.0.0.1:{@code port}, after {@code AUTH password} unless null. */
    static Object callAs(String password, int port, String... command) {
        try (RedisConnection connection = RedisConnection.open(new RedisAddress("127.0.0.1", port), null, 2000)) {
            if (password != null && !"OK".equals(connection.call("AUTH", password))) {
                throw new AssertionError("redis " + port + " refused AUTH");
            }
            return connection.call(command);
        } catch (IOException e) {
            throw new AssertionError("redis " + port + ": " + String.join(" ", command) + " failed", e);
        }
    }

    /** The {@code field:value} of an INFO reply, or null. */
    static String info(String password, int port, String section, String field) {
        String info = new String((byte[]) callAs(password, port, "INFO", section), StandardCharsets.UTF_8);
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    /** A reply as text: bulk strings decoded, arrays as lists of text. */
    static Object text(Object reply) {
        if (reply instanceof byte[]) {
            return new String((byte[]) reply, StandardCharsets.UTF_8);
        }
        if (reply instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) reply) {
                items.add(text(item));
            }
            return items;
        }
        return reply;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} at the deadline. */
    static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
