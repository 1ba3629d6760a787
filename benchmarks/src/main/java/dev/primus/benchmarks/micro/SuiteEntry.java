package dev.primus.benchmarks.micro;

import java.util.List;

/**
 * One benchmark method of the suite and how to read it.
 *
 * @param benchmark the JMH class
 * @param method    its {@code @Benchmark} method
 * @param measures  the path it measures, in one line, for the report's legend
 * @param cleanPath a decision or log line with nothing to deny or mask: it must allocate nothing
 * @param baselines methods of the same class its time is divided by, row by row of equal parameters
 * @param agent     null: the JVM JMH forks; else the agent attached, and the row is compared with,
 *                  and its allocation judged over, the same benchmark without it
 * @param jvmArgs   flags the benchmark needs in its forked JVM
 */
record SuiteEntry(Class<?> benchmark, String method, String measures, boolean cleanPath, List<String> baselines,
                  AgentRun agent, List<String> jvmArgs) {

    SuiteEntry {
        baselines = List.copyOf(baselines);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** JMH's name for it, what {@code --include} is matched against. */
    String jmhName() {
        return benchmark.getName() + "." + method;
    }

    /** Class and method, as the table names it. */
    String label() {
        return benchmark.getSimpleName() + "." + method;
    }

    SuiteEntry withJvmArgs(String... args) {
        return new SuiteEntry(benchmark, method, measures, cleanPath, baselines, agent, List.of(args));
    }

    /** The same method in a JVM with the agent, which the row without it is the baseline of. */
    SuiteEntry withAgent(AgentRun run, boolean cleanPath, String measures) {
        return new SuiteEntry(benchmark, method, measures, cleanPath, List.of(), run, jvmArgs);
    }
}
