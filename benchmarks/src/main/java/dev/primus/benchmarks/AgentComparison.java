package dev.primus.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One JMH benchmark in a JVM without the agent and in one with it, alternating single-fork
 * runs in the same process, so drift of a noisy 2-core machine hits both sides alike; prints
 * every round, the medians, and the median of each round's with/without ratio.
 */
final class AgentComparison {
    private final Class<?> benchmark;
    private final String agentOption;
    private final java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    /** {@code config}: the agent's YAML, written to a temporary file. */
    AgentComparison(Class<?> benchmark, Path agentJar, String config) throws Exception {
        this.benchmark = benchmark;
        Path file = Files.createTempFile("primus-bench", ".yaml");
        Files.writeString(file, config);
        this.agentOption = "-javaagent:" + agentJar.toAbsolutePath() + "=config=" + file;
    }

    /** Runs the benchmark with JMH parameter {@code name} set to {@code value}. */
    AgentComparison param(String name, String value) {
        params.put(name, value);
        return this;
    }

    void run(int rounds, String what, String unit) throws Exception {
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            without.add(score(null));
            with.add(score(agentOption));
        }
        double medianWithout = median(without);
        double medianWith = median(with);
        // Each round's two runs are neighbours in time: their ratio cancels the machine's drift,
        // which on a shared 2-core VM moves both sides by more than the agent does.
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ratios.add(with.get(round) / without.get(round));
        }
        System.out.printf("%s, %d alternating rounds: without agent %s %s, with agent %s %s;"
                        + " medians %.3f and %.3f %s (%+.1f%%); median of the rounds' ratios %.3f (%+.1f%%)%n", what, rounds,
                without, unit, with, unit, medianWithout, medianWith, unit,
                100.0 * (medianWith - medianWithout) / medianWithout, median(ratios), 100.0 * (median(ratios) - 1));
    }

    private double score(String agent) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark.getName().replace("$", "\\$") + "\\.").forks(1);
        params.forEach(options::param);
        if (agent != null) {
            options.jvmArgsAppend(agent);
        }
        return new Runner(options.build()).run().iterator().next().getPrimaryResult().getScore();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
