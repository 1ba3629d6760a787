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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How much start-up time the agent adds to the Spring Boot it-test app: time from launching
 * the JVM to the first answered HTTP request, and the CPU time the process used until then
 * (from /proc, where Linux has it: it drifts less than wall time on a shared machine), runs
 * alternating without and with the agent. {@code --compare OLD_JAR} adds a third launch per run
 * with another build of the agent, so that two builds are compared within the same runs.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     dev.primus.benchmarks.StartupTime [--runs 7] [--jdk /usr/lib/jvm/temurin-25-jdk-amd64] [--config primus.yaml]
 *     [--agent primus-agent.jar] [--compare other-primus-agent.jar]
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
        Path otherAgent = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jdk" -> jdk = Path.of(args[++i]);
                case "--agent" -> agentJar = Path.of(args[++i]).toAbsolutePath();
                case "--config" -> config = Path.of(args[++i]).toAbsolutePath();
                case "--compare" -> otherAgent = Path.of(args[++i]).toAbsolutePath();
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
        List<String> launches = new ArrayList<>(Arrays.asList(null, agentJar + "=config=" + config));
        if (otherAgent != null) {
            launches.add(otherAgent + "=config=" + config);
        }
        List<List<long[]>> results = new ArrayList<>();
        for (String agent : launches) {
            // One warm-up launch each, not counted: the first pays for a cold page cache.
            measure(jdk, agent, http);
            results.add(new ArrayList<>());
        }
        for (int run = 0; run < runs; run++) {
            StringBuilder line = new StringBuilder("run " + (run + 1) + ":");
            for (int k = 0; k < launches.size(); k++) {
                long[] figures = measure(jdk, launches.get(k), http);
                results.get(k).add(figures);
                line.append(' ').append(label(k)).append(' ').append(figures[0]).append(" ms (cpu ").append(figures[1]).append(" ms)");
            }
            System.out.println(line);
        }
        for (int k = 1; k < launches.size(); k++) {
            System.out.printf("%s, %d runs: %s%n", jdk.getFileName(), runs, summary(label(k), results.get(0), results.get(k)));
        }
    }

    private static String label(int launch) {
        return launch == 0 ? "without" : launch == 1 ? "with" : "with-compared";
    }

    /** Medians of wall and CPU time, and the median of the runs' own ratios, for one agent against none. */
    private static String summary(String label, List<long[]> without, List<long[]> with) {
        StringBuilder text = new StringBuilder(label + ":");
        String[] names = {"wall", "cpu"};
        for (int figure = 0; figure < 2; figure++) {
            List<Long> base = new ArrayList<>();
            List<Long> agent = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < without.size(); run++) {
                base.add(without.get(run)[figure]);
                agent.add(with.get(run)[figure]);
                ratios.add(with.get(run)[figure] / (double) Math.max(1, without.get(run)[figure]));
            }
            Collections.sort(ratios);
            long medianBase = median(base);
            long medianAgent = median(agent);
            text.append(String.format(" %s median without %d ms, with %d ms, added %d ms (%.1f%%), median ratio %.3f [%.3f-%.3f];",
                    names[figure], medianBase, medianAgent, medianAgent - medianBase,
                    100.0 * (medianAgent - medianBase) / Math.max(1, medianBase), ratios.get(ratios.size() / 2),
                    ratios.get(0), ratios.get(ratios.size() - 1)));
        }
        return text.toString();
    }

    /** Milliseconds from launch to the first answered request, and the process's CPU milliseconds by then (-1 without /proc). */
    private static long[] measure(Path jdk, String agent, HttpClient http) throws Exception {
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
                    long cpu = cpuMillis(process.pid());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the app answered " + response.statusCode());
                    }
                    return new long[] {elapsed, cpu};
                }
            }
            throw new IOException("the app ended before it was ready");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * User and system CPU time of a process, from fields 14 and 15 of /proc/PID/stat, in clock
     * ticks of 10 ms (USER_HZ is 100 on Linux); -1 where there is no /proc.
     */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
