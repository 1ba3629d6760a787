package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's section on the agent's own time per decision, from {@code --agent-metrics}: per
 * configuration, rate and timed module, the median over the rounds of the mean microseconds a
 * decision took. Launches without readings (none, an agent without the endpoint) have no rows;
 * without any, there is no section.
 */
final class AgentTimeReport {
    private AgentTimeReport() {
    }

    static String render(List<LaunchMeasurement> launches) {
        Map<String, List<AgentTime.Module>> byKey = new LinkedHashMap<>();
        Map<String, List<Map<String, Double>>> countedByKey = new LinkedHashMap<>();
        for (LaunchMeasurement launch : launches) {
            for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
                String row = launch.configuration().name() + " | " + Metric.rate(phase.perSecond());
                for (AgentTime.Module module : phase.agentTime().modules()) {
                    byKey.computeIfAbsent(row + " | " + module.module(), k -> new ArrayList<>()).add(module);
                }
                if (!phase.agentTime().countedPerRequest().isEmpty()) {
                    countedByKey.computeIfAbsent(row, k -> new ArrayList<>()).add(phase.agentTime().countedPerRequest());
                }
            }
        }
        if (byKey.isEmpty() && countedByKey.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Agent's own time per decision\n\n");
        md.append("From the agent's metrics (`--agent-metrics`), scraped just before and after each fixed-rate phase. The"
                + " agent times one decision in " + DecisionReadings.SAMPLED_ONE_IN + " per module; the mean is the change"
                + " of `" + DecisionReadings.DURATION + "_sum` over that of `_count`, exact for the decisions timed. Decisions"
                + " per request, and so the time per request, scale the timed count by " + DecisionReadings.SAMPLED_ONE_IN
                + ": estimates. Median of the rounds, with each round's mean.\n\n");
        if (!byKey.isEmpty()) {
            md.append("| configuration | rate | module | µs per decision | by round | about decisions per request"
                    + " | about µs per request |\n");
            md.append("|---|---:|---|---:|---|---:|---:|\n");
            byKey.forEach((key, modules) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", key,
                    MarkdownReport.number(median(modules.stream().map(AgentTime.Module::meanMicros).toList())),
                    modules.stream().map(m -> MarkdownReport.number(m.meanMicros())).collect(Collectors.joining(", ")),
                    MarkdownReport.number(median(modules.stream().map(AgentTime.Module::aboutDecisionsPerRequest).toList())),
                    MarkdownReport.number(median(modules.stream().map(AgentTime.Module::aboutMicrosPerRequest).toList())))));
            md.append('\n');
        }
        if (!countedByKey.isEmpty()) {
            md.append("Decisions counted (`" + DecisionReadings.DECISIONS + "`) per request, by audit module, median of the"
                    + " rounds:\n\n| configuration | rate | decisions per request |\n|---|---:|---|\n");
            countedByKey.forEach((key, rounds) -> md.append("| ").append(key).append(" | ").append(medians(rounds)).append(" |\n"));
            md.append('\n');
        }
        return md.toString();
    }

    /** {@code auth 0.333, authz 0.667}: each module's median over the rounds that counted it. */
    /**
     * Empty unless the agent counted failures of its own ({@value DecisionReadings#FAILURES}) in a
     * launch: each one a call a guard let through without its check, so the figures are those of
     * an agent that skipped work, and the skipped check may be the one the run was meant to cost.
     */
    static String failureWarning(List<LaunchMeasurement> launches) {
        List<String> where = new ArrayList<>();
        for (LaunchMeasurement launch : launches) {
            long failures = failuresSoFar(launch);
            if (failures > 0) {
                where.add(String.format(Locale.ROOT, "%s round %d (%,d, log: logs/%s-round%d.log)", launch.configuration().name(),
                        launch.round(), failures, launch.configuration().name(), launch.round()));
            }
        }
        if (where.isEmpty()) {
            return "";
        }
        return "> **Warning: the agent failed inside itself** (`" + DecisionReadings.FAILURES + "` rose) in "
                + String.join("; ", where) + ". Each failure is a call a guard let through unchecked (the agent fails"
                + " open): those launches measured an agent that skipped work. The app's log names the failure.\n\n";
    }

    /** The agent's failure count at the last scrape of the launch, warm-up included; 0 without readings. */
    static long failuresSoFar(LaunchMeasurement launch) {
        return launch.ratePhases().stream().mapToLong(phase -> phase.agentTime().failuresSoFar()).max().orElse(0);
    }

    private static String medians(List<Map<String, Double>> rounds) {
        Map<String, List<Double>> byModule = new TreeMap<>();
        rounds.forEach(round -> round.forEach((module, perRequest) ->
                byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(perRequest)));
        return byModule.entrySet().stream().map(e -> e.getKey() + " " + MarkdownReport.number(median(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static double median(List<Double> values) {
        return RatioSummary.median(values.stream().filter(v -> !Double.isNaN(v)).toList());
    }
}
