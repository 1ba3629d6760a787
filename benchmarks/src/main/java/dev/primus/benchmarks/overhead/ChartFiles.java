package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The run's charts, as SVG files beside report.md: latency by percentile at each fixed rate, and
 * bars for the start-up and memory figures. Latency merges the rounds of a configuration into one
 * histogram (every request of every round counts once), which is what a reader of a percentile
 * expects; a median round would throw away most of the tail the chart exists to show.
 */
final class ChartFiles {
    /** A chart written: its title, for the report's link, and its file name in the output folder. */
    record Chart(String title, String file) {
    }

    /** The figures drawn as bars, with the file each goes to. */
    private static final Map<Metric, String> BARS = barFiles();

    private ChartFiles() {
    }

    private static Map<Metric, String> barFiles() {
        Map<Metric, String> files = new LinkedHashMap<>();
        files.put(Metric.TIME_TO_READY, "time-to-ready.svg");
        files.put(Metric.CPU_TO_READY, "cpu-to-ready.svg");
        files.put(Metric.PEAK_RSS_AT_READY, "peak-rss-at-ready.svg");
        files.put(Metric.RSS_AFTER_LOAD, "rss-after-load.svg");
        return files;
    }

    /** Writes every chart there is data for; a figure unknown in every launch (no /proc) gets none. */
    static List<Chart> write(Path out, List<AgentConfiguration> configurations, List<Double> rates,
                             List<LaunchMeasurement> launches) throws IOException {
        List<Chart> charts = new ArrayList<>();
        for (double rate : rates) {
            Map<String, Histogram> merged = mergedLatencies(configurations, launches, rate);
            if (merged.isEmpty()) {
                continue;
            }
            String title = "Latency by percentile at " + Metric.rate(rate);
            String file = "latency-" + Metric.rate(rate).replace("/s", "per-s") + ".svg";
            Files.writeString(out.resolve(file), PercentileChart.render(title + " (rounds merged)", merged));
            charts.add(new Chart(title, file));
        }
        for (Map.Entry<Metric, String> figure : BARS.entrySet()) {
            List<BarChart.Bar> bars = bars(configurations, launches, figure.getKey());
            if (bars.isEmpty()) {
                continue;
            }
            Metric metric = figure.getKey();
            Files.writeString(out.resolve(figure.getValue()), BarChart.render(metric.name(), metric.unit(), bars));
            charts.add(new Chart(metric.name(), figure.getValue()));
        }
        return charts;
    }

    /** Each configuration's latencies at {@code rate}, its rounds added together. */
    static Map<String, Histogram> mergedLatencies(List<AgentConfiguration> configurations, List<LaunchMeasurement> launches,
                                                  double rate) {
        Map<String, Histogram> merged = new LinkedHashMap<>();
        for (AgentConfiguration configuration : configurations) {
            Histogram all = new Histogram(3);
            for (LaunchMeasurement launch : launches) {
                if (!launch.configuration().equals(configuration)) {
                    continue;
                }
                for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
                    if (phase.perSecond() == rate) {
                        all.add(phase.result().latencyMicros());
                    }
                }
            }
            if (all.getTotalCount() > 0) {
                merged.put(configuration.name(), all);
            }
        }
        return merged;
    }

    /** Median and range of each configuration's rounds; configurations with no known value are left out. */
    static List<BarChart.Bar> bars(List<AgentConfiguration> configurations, List<LaunchMeasurement> launches, Metric metric) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (AgentConfiguration configuration : configurations) {
            List<Double> values = launches.stream().filter(launch -> launch.configuration().equals(configuration))
                    .map(launch -> launch.value(metric)).filter(value -> !Double.isNaN(value)).toList();
            if (!values.isEmpty()) {
                bars.add(new BarChart.Bar(configuration.name(), RatioSummary.median(values),
                        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
            }
        }
        return bars;
    }
}
