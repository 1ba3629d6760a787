package dev.primus.benchmarks;

import dev.primus.it.apps.SpringAuthApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second a Spring Boot endpoint serves without and with the agent enforcing auth
 * on it (an API key checked on every request, answers audited only on refusal). Both apps run
 * at once; measurement windows alternate between them, so the VM's drift hits both alike, and
 * the median of the per-round ratios is the figure.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     dev.primus.benchmarks.SpringThroughput [--rounds 5] [--seconds 5] [--clients 8]
 * </pre>
 */
public final class SpringThroughput {
    private static final String API_KEY = "pk_throughput_bench";

    private SpringThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int seconds = 5;
        int clients = 8;
        Path agentJar = Path.of("agent/target/primus-agent.jar").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--agent" -> agentJar = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("primus-throughput");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n",
                "service: throughput-bench",
                "egress: { mode: off }",
                "logging: { masking: { mode: off } }",
                "auth:",
                "  mode: enforce",
                "  default: deny",
                "  api_keys:",
                "    keys:",
                "      - id: bench",
                "        sha256: \"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(API_KEY.getBytes(StandardCharsets.UTF_8))) + "\"",
                "        tenant: acme",
                "        scopes: [orders:read]",
                "  rules:",
                "    - match: { path: \"/api/**\" }",
                "      require: { any_of: [api_key], scopes: [orders:read] }",
                "audit:",
                "  sinks:",
                "    - type: file",
                "      path: " + dir.resolve("audit.jsonl"),
                ""));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        App without = App.start(null);
        App with = App.start(agentJar + "=config=" + config);
        try {
            // Warm both: JIT, connection pools, the agent's first-use paths.
            load(http, without.port, clients, seconds * 2);
            load(http, with.port, clients, seconds * 2);
            List<Double> ratios = new ArrayList<>();
            List<Double> withoutRates = new ArrayList<>();
            List<Double> withRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double a = load(http, without.port, clients, seconds);
                double b = load(http, with.port, clients, seconds);
                withoutRates.add(a);
                withRates.add(b);
                ratios.add(b / a);
                System.out.printf("round %d: without %.0f req/s, with %.0f req/s (%.1f%%)%n", round + 1, a, b,
                        100.0 * (b / a - 1));
            }
            System.out.printf("%d rounds of %d s, %d clients: median without %.0f req/s, with %.0f req/s; "
                            + "median per-round ratio %.3f (%+.1f%%)%n", rounds, seconds, clients, median(withoutRates),
                    median(withRates), median(ratios), 100.0 * (median(ratios) - 1));
        } finally {
            without.stop();
            with.stop();
        }
    }

    /** Requests per second over {@code seconds}, each client sending its next request as the last one returns. */
    private static double load(HttpClient http, int port, int clients, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("X-API-Key", API_KEY).build();
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder answered = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("answered " + response.statusCode());
                        }
                        answered.increment();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long counted = answered.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return counted / elapsed;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** One forked Spring Boot app and the port it listens on. */
    private record App(Process process, int port) {
        static App start(String agent) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (agent != null) {
                command.add("-javaagent:" + agent);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpringAuthApp.class.getName(),
                    "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // Keep the pipe empty so the app never blocks on its stdout.
                            }
                        } catch (IOException ignored) {
                            // The app stopped.
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new App(process, Integer.parseInt(line.substring(6).trim()));
                }
            }
            throw new IOException("the app ended before it was ready");
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
