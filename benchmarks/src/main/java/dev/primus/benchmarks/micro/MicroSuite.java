package dev.primus.benchmarks.micro;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The micro suite in one run: every engine's JMH benchmark ({@link EngineBenchmarks}) with the GC
 * profiler, then a table of ns/op, B/op, ratios to baselines and allocation verdicts.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.primus.benchmarks.micro.MicroSuite [--quick] [--include REGEX] [--out DIR] [--agent JAR]</pre>
 *
 * <p>Writes micro.md (also printed), micro.json, JMH's jmh-result.json and the agent configs it
 * attached to {@code --out} (benchmarks/results/DATE-HOST/). Exits 1 when a clean path allocates,
 * else 3 when a benchmark gave no result, 2 on a bad command line, 0 otherwise.
 */
public final class MicroSuite {
    private MicroSuite() {
    }

    public static void main(String[] args) throws Exception {
        SuiteOptions options;
        List<SuiteEntry> selected;
        try {
            options = SuiteOptions.parse(args);
            selected = select(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(SuiteReport.USAGE);
            return;
        }
        Path out = options.out();
        Files.createDirectories(out);
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        List<Measurement> measurements = new ArrayList<>();
        List<String> jmhFiles = new ArrayList<>();
        int part = 0;
        for (Map.Entry<List<String>, List<SuiteEntry>> launch : byJvmFlags(selected, options, out).entrySet()) {
            Path result = out.resolve("jmh-result-part" + (++part) + ".json");
            Collection<RunResult> results;
            try {
                results = new Runner(jmhOptions(launch.getValue(), launch.getKey(), options.quick(), result)).run();
            } catch (RunnerException e) {
                // JMH could not run this set at all (a fork that cannot start): its rows say so, the others still run.
                System.err.println("JMH could not run " + launch.getValue().stream().map(SuiteEntry::label).toList() + ": " + e);
                results = List.of();
            }
            for (SuiteEntry entry : launch.getValue()) {
                List<RunResult> own = results.stream()
                        .filter(r -> r.getParams().getBenchmark().equals(entry.jmhName()))
                        .toList();
                if (own.isEmpty()) {
                    measurements.add(Measurement.missing(entry));
                }
                own.forEach(r -> measurements.add(Measurement.of(entry, r)));
            }
            if (Files.exists(result)) {
                jmhFiles.add(Files.readString(result));
                Files.delete(result);
            }
        }
        // The suite's order, whatever order the JVM flag sets ran in; JMH's parameter order within an entry.
        measurements.sort(Comparator.comparingInt(m -> selected.indexOf(m.entry())));
        Files.writeString(out.resolve("jmh-result.json"), JmhResultFiles.merge(jmhFiles));

        boolean withAgent = selected.stream().anyMatch(e -> e.agent() != null);
        SuiteRun run = new SuiteRun(startedAt, hostname(), System.getProperty("java.version"),
                options.quick() ? "quick (1 fork, 2 warm-up and 3 measurement iterations of 1 s)"
                        : "the benchmarks' own annotations",
                options.include() == null ? null : options.include().pattern(),
                withAgent ? options.agent().toString() : null);
        SuiteReport report = SuiteReport.of(run, measurements);
        String table = MicroTable.render(report);
        Files.writeString(out.resolve("micro.md"), table);
        Files.writeString(out.resolve("micro.json"), MicroJson.render(report));
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + out);
        System.exit(report.exitCode());
    }

    /** The entries --include selects, checked before anything runs. */
    static List<SuiteEntry> select(SuiteOptions options) {
        List<SuiteEntry> selected = EngineBenchmarks.ALL.stream().filter(options::includes).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("--include " + options.include().pattern() + " matches none of the suite's"
                    + " benchmarks: " + String.join(", ", EngineBenchmarks.ALL.stream().map(SuiteEntry::jmhName)
                    .distinct().toList()));
        }
        if (selected.stream().anyMatch(e -> e.agent() != null) && !Files.isRegularFile(options.agent())) {
            throw new IllegalArgumentException("no agent jar at " + options.agent() + " for the rows measured with the"
                    + " agent: build it (mvn -DskipTests package), pass --agent JAR, or leave those rows out with --include");
        }
        return selected;
    }

    /**
     * One JMH run per set of JVM flags: a run's forks all take the same flags. The agent's config
     * is written beside the results, so an agent row can be repeated by hand.
     */
    private static Map<List<String>, List<SuiteEntry>> byJvmFlags(List<SuiteEntry> entries, SuiteOptions options, Path out)
            throws IOException {
        Map<List<String>, List<SuiteEntry>> launches = new LinkedHashMap<>();
        for (SuiteEntry entry : entries) {
            List<String> flags = new ArrayList<>(entry.jvmArgs());
            if (entry.agent() != null) {
                Path config = out.resolve("agent-" + entry.agent().name() + ".yaml");
                Files.writeString(config, entry.agent().config());
                flags.add("-javaagent:" + options.agent() + "=config=" + config);
            }
            launches.computeIfAbsent(List.copyOf(flags), f -> new ArrayList<>()).add(entry);
        }
        return launches;
    }

    private static Options jmhOptions(List<SuiteEntry> entries, List<String> flags, boolean quick, Path result) {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                .result(result.toString())
                .resultFormat(ResultFormatType.JSON)
                // One benchmark that cannot set up (Redis down) must not cost the rest their rows.
                .shouldFailOnError(false);
        for (SuiteEntry entry : entries) {
            builder.include("^" + Pattern.quote(entry.jmhName()) + "$");
        }
        if (!flags.isEmpty()) {
            builder.jvmArgsAppend(flags.toArray(String[]::new));
        }
        if (quick) {
            builder.forks(1)
                    .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        return builder.build();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
