package dev.primus.benchmarks.overhead;

import static dev.primus.benchmarks.JsonText.string;

import dev.primus.benchmarks.JsonText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * summary.json: the run's settings, every metric's values by configuration and round, and each
 * configuration's median, ratio to none, range and verdict. Written by hand: the shape is small
 * and fixed, and the benchmarks need no JSON library for it.
 */
final class SummaryJson {
    private SummaryJson() {
    }

    static String render(RunDescription run, List<Comparison> comparisons, List<LaunchMeasurement> launches) {
        HarnessOptions options = run.options();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"app\": ").append(string(options.app().toString())).append(",\n");
        json.append("  \"startedAt\": ").append(string(run.startedAt())).append(",\n");
        json.append("  \"host\": ").append(string(run.host())).append(",\n");
        json.append("  \"java\": ").append(string(options.java())).append(",\n");
        json.append("  \"heap\": ").append(string(options.heap())).append(",\n");
        json.append("  \"rounds\": ").append(options.rounds()).append(",\n");
        json.append("  \"warmupSeconds\": ").append(options.warmupSeconds()).append(",\n");
        json.append("  \"saturationSeconds\": ").append(options.saturationSeconds()).append(",\n");
        json.append("  \"saturationConnections\": ").append(options.connections()).append(",\n");
        json.append("  \"rateSeconds\": ").append(options.rateSeconds()).append(",\n");
        json.append("  \"rates\": [").append(run.rates().stream().map(SummaryJson::number).collect(Collectors.joining(", ")))
                .append("],\n");
        json.append("  \"ratesChosen\": ").append(string(run.ratesChosen())).append(",\n");
        json.append("  \"appCpus\": ").append(run.appPinned() ? string(options.appCpus()) : "null").append(",\n");
        json.append("  \"loadCpus\": ").append(run.generatorPinned() ? string(options.loadCpus()) : "null").append(",\n");
        json.append("  \"client\": ").append(string(options.client().optionValue())).append(",\n");
        // Header names only: their values are often credentials.
        json.append("  \"requests\": [").append(options.requests().stream()
                .map(r -> "\n    {\"method\": " + string(r.method()) + ", \"url\": " + string(r.url().toString())
                        + ", \"source\": " + string(r.source()) + ", \"headers\": "
                        + strings(r.headers().stream().map(LoadRequest.Header::name).toList())
                        + ", \"bodyBytes\": " + r.body().length + "}")
                .collect(Collectors.joining(","))).append("\n  ],\n");
        json.append("  \"failedRequests\": ").append(launches.stream().mapToLong(LaunchMeasurement::failedRequests).sum())
                .append(",\n");
        json.append("  \"answers\": {").append(answers(launches)).append("\n  },\n");
        json.append("  \"agentMetrics\": ").append(options.agentMetrics() == null ? "null" : string(options.agentMetrics().toString()))
                .append(",\n");
        json.append("  \"agentTime\": [").append(agentTime(launches)).append("\n  ],\n");
        json.append("  \"configurations\": {");
        json.append(options.configurations().stream()
                .map(c -> "\n    " + string(c.name()) + ": " + strings(c.jvmFlags()))
                .collect(Collectors.joining(","))).append("\n  },\n");
        json.append("  \"metrics\": [");
        for (int m = 0; m < comparisons.size(); m++) {
            Comparison comparison = comparisons.get(m);
            Metric metric = comparison.metric();
            json.append(m == 0 ? "\n" : ",\n").append("    {\"name\": ").append(string(metric.name()))
                    .append(", \"unit\": ").append(string(metric.unit()))
                    .append(", \"higherIsBetter\": ").append(metric.higherIsBetter()).append(", \"configurations\": {");
            int c = 0;
            for (Map.Entry<String, RatioSummary> entry : comparison.summaries().entrySet()) {
                RatioSummary summary = entry.getValue();
                json.append(c++ == 0 ? "\n" : ",\n").append("      ").append(string(entry.getKey())).append(": {")
                        .append("\"byRound\": [").append(comparison.valuesByConfiguration().get(entry.getKey()).stream()
                                .map(SummaryJson::number).collect(Collectors.joining(", "))).append("]")
                        .append(", \"median\": ").append(number(summary.medianValue()))
                        .append(", \"medianRatio\": ").append(number(summary.medianRatio()))
                        .append(", \"minRatio\": ").append(number(summary.minRatio()))
                        .append(", \"maxRatio\": ").append(number(summary.maxRatio()))
                        .append(", \"verdict\": ").append(string(entry.getKey().equals(AgentConfiguration.NONE.name())
                                ? "baseline" : summary.verdict(metric.higherIsBetter())))
                        .append('}');
            }
            json.append("\n    }}");
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    /** By configuration, then by round, then by request of the mix. */
    private static String answers(List<LaunchMeasurement> launches) {
        return launches.stream().map(launch -> launch.configuration().name()).distinct()
                .map(configuration -> "\n    " + string(configuration) + ": [" + launches.stream()
                        .filter(launch -> launch.configuration().name().equals(configuration))
                        .map(launch -> "\n      {\"round\": " + launch.round() + ", \"byRequest\": ["
                                + launch.answers().stream().map(SummaryJson::answers).collect(Collectors.joining(", ")) + "]}")
                        .collect(Collectors.joining(",")) + "\n    ]")
                .collect(Collectors.joining(","));
    }

    private static String answers(RequestAnswers answers) {
        return "{\"request\": " + string(answers.request().label()) + ", \"sent\": " + answers.sent()
                + ", \"ok\": " + answers.ok() + ", \"byStatus\": {" + answers.byStatus().entrySet().stream()
                        .map(e -> string(e.getKey().toString()) + ": " + e.getValue()).collect(Collectors.joining(", "))
                + "}, \"noAnswer\": " + answers.noAnswer() + ", \"firstProblem\": "
                + (answers.firstProblem() == null ? "null" : string(answers.firstProblem())) + "}";
    }

    /** Per launch and fixed-rate phase with readings: each timed module's mean and the decisions counted per request. */
    private static String agentTime(List<LaunchMeasurement> launches) {
        return launches.stream().flatMap(launch -> launch.ratePhases().stream().filter(phase -> !phase.agentTime().isEmpty())
                .map(phase -> "\n    {\"configuration\": " + string(launch.configuration().name()) + ", \"round\": " + launch.round()
                        + ", \"rate\": " + number(phase.perSecond()) + ", \"modules\": [" + phase.agentTime().modules().stream()
                                .map(m -> "{\"module\": " + string(m.module()) + ", \"timedDecisions\": " + m.timedDecisions()
                                        + ", \"meanMicrosPerDecision\": " + number(m.meanMicros())
                                        + ", \"aboutDecisionsPerRequest\": " + number(m.aboutDecisionsPerRequest())
                                        + ", \"aboutMicrosPerRequest\": " + number(m.aboutMicrosPerRequest()) + "}")
                                .collect(Collectors.joining(", "))
                        + "], \"agentFailuresInPhase\": " + phase.agentTime().failuresInPhase()
                        + ", \"agentFailuresSoFar\": " + phase.agentTime().failuresSoFar()
                        + ", \"countedDecisionsPerRequest\": {" + phase.agentTime().countedPerRequest().entrySet().stream()
                                .map(e -> string(e.getKey()) + ": " + number(e.getValue())).collect(Collectors.joining(", "))
                        + "}}"))
                .collect(Collectors.joining(","));
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.6g", value).trim();
    }

    private static String strings(List<String> values) {
        return values.stream().map(JsonText::string).collect(Collectors.joining(", ", "[", "]"));
    }
}
