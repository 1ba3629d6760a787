package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One metric across the configurations: each one's values by round and its summary against none. */
record Comparison(Metric metric, Map<String, List<Double>> valuesByConfiguration, Map<String, RatioSummary> summaries) {

    /** One comparison per metric, in the order the launches measured them. */
    static List<Comparison> of(List<AgentConfiguration> configurations, List<LaunchMeasurement> launches) {
        Set<Metric> metrics = new LinkedHashSet<>();
        launches.forEach(launch -> metrics.addAll(launch.values().keySet()));
        List<Comparison> comparisons = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (AgentConfiguration configuration : configurations) {
                values.put(configuration.name(), launches.stream()
                        .filter(launch -> launch.configuration().equals(configuration))
                        .sorted(Comparator.comparingInt(LaunchMeasurement::round))
                        .map(launch -> launch.value(metric))
                        .toList());
            }
            List<Double> none = values.get(AgentConfiguration.NONE.name());
            Map<String, RatioSummary> summaries = new LinkedHashMap<>();
            values.forEach((name, byRound) -> summaries.put(name, RatioSummary.of(byRound, none)));
            comparisons.add(new Comparison(metric, values, summaries));
        }
        return comparisons;
    }
}
