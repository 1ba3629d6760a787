package dev.primus.benchmarks;

import dev.primus.it.apps.SpringWebApp;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How much start-up time the agent adds to the Spring Boot it-test app: time from launching
 * the JVM to the first answered HTTP request, runs alternating without and with the agent.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     dev.primus.benchmarks.StartupTime [--runs 7] [--jdk /usr/lib/jvm/temurin-25-jdk-amd64] [--config primus.yaml]
 * </pre>
 */
public final class StartupTime {
    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        Path jdk = Path.of(System.getProperty("java.home"));
        Path agentJar = Path.of("agent/target/primus-agent.jar").toAbsolutePath();
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jdk" -> jdk = Path.of(args[++i]);
                case "--agent" -> agentJar = Path.of(args[++i]).toAbsolutePath();
                case "--config" -> config = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (config == null) {
            // Monitor mode with every module's defaults: egress weaves its JDK hooks and audits.
            Path dir = Files.createTempDirectory("primus-startup");
            config = dir.resolve("primus.yaml");
            Files.writeString(config, "service: startup-bench\nmode: monitor\naudit:\n  sinks:\n    - type: file\n"
                    + "      path: " + dir.resolve("audit.jsonl") + "\n");
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        // One warm-up pair, not counted: the first launch pays for a cold page cache.
        measure(jdk, null, http);
        measure(jdk, agentJar + "=config=" + config, http);
        for (int run = 0; run < runs; run++) {
            without.add(measure(jdk, null, http));
            with.add(measure(jdk, agentJar + "=config=" + config, http));
            System.out.printf("run %d: without %d ms, with %d ms%n", run + 1, without.get(run), with.get(run));
        }
        long medianWithout = median(without);
        long medianWith = median(with);
        System.out.printf("%s, %d runs each: median without %d ms, with %d ms, added %d ms (%.1f%%)%n",
                jdk.getFileName(), runs, medianWithout, medianWith, medianWith - medianWithout,
                100.0 * (medianWith - medianWithout) / medianWithout);
    }

    /** Milliseconds from launch to the first answered request. */
    private static long measure(Path jdk, String agent, HttpClient http) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-Xshare:auto"));
        if (agent != null) {
            command.add("-javaagent:" + agent);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpringWebApp.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    int port = Integer.parseInt(line.substring(6).trim());
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
                    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the app answered " + response.statusCode());
                    }
                    return elapsed;
                }
            }
            throw new IOException("the app ended before it was ready");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
