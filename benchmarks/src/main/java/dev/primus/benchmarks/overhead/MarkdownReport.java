package dev.primus.benchmarks.overhead;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md: a table per metric with each configuration's median, its median ratio to none, the
 * range of the per-round ratios and the verdict; then the load generator's own account, so a
 * reader can tell a slow app from a slow generator.
 */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(RunDescription run, List<Comparison> comparisons, List<LaunchMeasurement> launches,
                         List<ChartFiles.Chart> charts) {
        HarnessOptions options = run.options();
        StringBuilder md = new StringBuilder();
        md.append("# Agent overhead: ").append(options.app().getFileName()).append("\n\n");
        md.append("- Started ").append(run.startedAt()).append(" on ").append(run.host()).append(", app JVM ")
                .append(options.java()).append(" (harness on Java ").append(run.javaVersion()).append("), heap ")
                .append(options.heap()).append('\n');
        md.append("- ").append(options.rounds()).append(" rounds, configurations in an order rotated each round: ")
                .append(String.join(", ", options.configurations().stream().map(AgentConfiguration::name).toList()))
                .append('\n');
        md.append("- Ready: `").append(options.ready()).append("`; load, in turn, on ")
                .append(String.join(", ", options.requests().stream().map(r -> "`" + r.label() + "`").toList()))
                .append(", sent by the ").append(options.client().optionValue()).append(" client\n");
        md.append("- Per launch: ").append(options.warmupSeconds()).append(" s warm-up (not counted), ")
                .append(options.saturationSeconds()).append(" s closed loop at ").append(options.connections())
                .append(" connections, then ").append(options.rateSeconds()).append(" s open-model at each of ")
                .append(String.join(", ", run.rates().stream().map(Metric::rate).toList())).append(" (")
                .append(run.ratesChosen()).append(")\n");
        md.append("- App pinned to CPUs ").append(run.appPinned() ? options.appCpus() : "(not pinned: no taskset)")
                .append(", load generator to CPUs ").append(run.generatorPinned() ? options.loadCpus() : "(not pinned)")
                .append('\n');
        md.append("- Ratio: configuration / none within each round; the median of the rounds' ratios and their range."
                + " A range that includes 1.0 is reported as \"").append(RatioSummary.NOT_DISTINGUISHABLE).append("\".\n");
        // The verdict is a sign test: with no effect at all, every ratio lands on one side of 1.0
        // with probability 2^(1-N). Said here so a quick run's verdicts are read as hints.
        md.append(String.format(Locale.ROOT, "- With %d rounds, noise alone puts every ratio on the same side of 1.0 with"
                + " probability %.1f%%: below 5 rounds a verdict is a hint, not a finding.%n", options.rounds(),
                100 * Math.pow(2, 1 - options.rounds())));
        md.append("- Latency runs from each request's intended send time (coordinated omission corrected).\n\n");
        md.append(AnswersReport.warning(launches));
        md.append(AgentTimeReport.failureWarning(launches));
        if (run.appPinned()) {
            md.append(cpuBoundRateWarning(launches, Taskset.cpuCount(options.appCpus())));
        }
        if (!charts.isEmpty()) {
            md.append("## Charts\n\n");
            md.append("Latency: every request of every round of a configuration together, timed from when it was due."
                    + " Bars: the median of the rounds; the whisker runs from the lowest round to the highest.\n\n");
            for (ChartFiles.Chart chart : charts) {
                md.append("![").append(chart.title()).append("](").append(chart.file()).append(")\n\n");
            }
        }

        for (Comparison comparison : comparisons) {
            Metric metric = comparison.metric();
            md.append("## ").append(metric.name()).append(" (").append(metric.unit()).append(", ")
                    .append(metric.higherIsBetter() ? "higher is better" : "lower is better").append(")\n\n");
            md.append("| configuration | median | ratio to none | range of ratios | verdict |\n");
            md.append("|---|---:|---:|---|---|\n");
            for (Map.Entry<String, RatioSummary> row : comparison.summaries().entrySet()) {
                RatioSummary summary = row.getValue();
                boolean baseline = row.getKey().equals(AgentConfiguration.NONE.name());
                md.append("| ").append(row.getKey()).append(" | ").append(number(summary.medianValue())).append(" | ")
                        .append(baseline ? "1" : ratio(summary.medianRatio())).append(" | ")
                        .append(baseline ? "" : ratio(summary.minRatio()) + " – " + ratio(summary.maxRatio())).append(" | ")
                        .append(baseline ? "baseline" : summary.verdict(metric.higherIsBetter())).append(" |\n");
            }
            md.append('\n');
            if (metric.equals(Metric.THROUGHPUT)) {
                md.append(generatorBoundWarning(launches));
                md.append(compilingWarning(launches));
            }
        }

        md.append(AgentTimeReport.render(launches));
        md.append(AnswersReport.table(launches));
        md.append("## Load generator's account\n\n");
        md.append("Busy: CPU used during the saturation phase as a share of the CPUs the app, and the generator, may use;"
                + " a generator near 100% with an app below it means the throughput is the generator's limit, not the app's."
                + " Late: fixed-rate requests sent more than 1 ms after they were due (the generator fell behind;"
                + " their latency is still timed from when they were due). Failed: no 2xx answer.\n\n");
        md.append("| configuration | round | saturation 2xx | saturation failed | app busy | generator busy"
                + " | rate | sent | failed | late | worst lag (ms) | unanswered |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LaunchMeasurement launch : launches) {
            for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
                ConstantRateLoad.Result result = phase.result();
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f%% | %.0f%% | %s | %d | %d | %d | %.1f | %d |%n",
                        launch.configuration().name(), launch.round(), launch.saturation().ok(), launch.saturation().failed(),
                        100 * launch.busy().app(), 100 * launch.busy().generator(),
                        Metric.rate(phase.perSecond()), result.sent(), result.failed(), result.late(),
                        result.maxLagMicros() / 1000.0, result.unanswered()));
            }
        }
        return md.toString();
    }

    /** A fixed-rate phase whose app CPUs were this busy was not at the rate's share of its capacity. */
    static final double CPU_BOUND = 0.9;

    /** Empty when the app, not the generator, set the throughput in every launch. */
    static String generatorBoundWarning(List<LaunchMeasurement> launches) {
        long bound = launches.stream().filter(launch -> launch.busy().generatorBound()).count();
        if (bound == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "> In %d of %d launches the load generator was at least %.0f%% busy while the app"
                + " was not: there the throughput is the generator's limit, not the app's, and the ratio understates any"
                + " difference. Give the generator more CPUs (--load-cpus) or run it on another machine.%n%n", bound,
                launches.size(), 100 * LaunchMeasurement.SaturationBusy.SATURATED);
    }

    /** A saturation phase whose app spent this share of its CPU compiling was still warming up. */
    static final double COMPILING_PERCENT = 10;

    /**
     * Empty unless the JIT compiler took a tenth of some launch's CPU at saturation. Then the
     * throughput ratio measures how far each configuration's warm-up had got, and an agent that
     * adds code to the request path adds compilation: the row without the compiler says what a
     * request cost, and a longer warm-up says what it costs warm.
     */
    static String compilingWarning(List<LaunchMeasurement> launches) {
        List<Double> shares = launches.stream().map(launch -> launch.value(Metric.COMPILER_SHARE_AT_SATURATION))
                .filter(share -> share >= COMPILING_PERCENT).toList();
        if (shares.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "> In %d of %d launches the JIT compiler took %.0f%% to %.0f%% of the app's CPU"
                + " during the saturation phase: the app was still warming up, and the throughput ratio compares how far"
                + " each configuration's warm-up had got (an agent's code is compiled too) as much as what a warm request"
                + " costs. \"CPU per 1,000 requests at saturation, JIT compiler left out\" is the request's cost; warm up"
                + " longer (--warmup) for the warm throughput.%n%n", shares.size(), launches.size(),
                Collections.min(shares), Collections.max(shares));
    }

    /**
     * Empty unless the app's CPUs were nearly all busy in some fixed-rate phase. An app meant to
     * run at half its capacity but busy throughout is still compiling (or the rate is above what
     * it serves): its latencies are queueing, and CPU per 1,000 requests is 1,000/rate CPU-seconds
     * for every configuration, equal whatever each request costs.
     */
    static String cpuBoundRateWarning(List<LaunchMeasurement> launches, int appCpus) {
        long phases = 0;
        long bound = 0;
        for (LaunchMeasurement launch : launches) {
            for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
                double cpuMillisPerThousand = launch.value(Metric.cpuPerThousandRequests(phase.perSecond()));
                phases++;
                if (cpuMillisPerThousand * phase.perSecond() / 1e6 / appCpus >= CPU_BOUND) {
                    bound++;
                }
            }
        }
        if (bound == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "> In %d of %d fixed-rate phases the app's CPUs were at least %.0f%% busy: the"
                + " app was still compiling (the JIT takes minutes on one CPU) or the rate is above what it serves. There"
                + " the latencies are queueing and CPU per 1,000 requests is about 1,000/rate CPU-seconds for every"
                + " configuration, whatever a request costs. Warm up longer (--warmup) or set lower --rates.%n%n",
                bound, phases, 100 * CPU_BOUND);
    }

    /** Three significant figures or whole numbers: enough for figures whose rounds differ by percents. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
