package dev.primus.benchmarks.overhead;

import java.util.List;

/** How the run was made, for the head of the report and the summary: what a reader needs to repeat it. */
record RunDescription(HarnessOptions options, List<Double> rates, String ratesChosen, boolean appPinned,
                      boolean generatorPinned, String startedAt, String host, String javaVersion) {
}
