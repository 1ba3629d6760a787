package dev.primus.benchmarks.overhead;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The raw latencies of each fixed-rate phase, per configuration and round: an HdrHistogram log
 * (microseconds; read it with HistogramLogReader or plot it with HdrHistogram's tools), and its
 * percentile distribution in milliseconds as text, for a reader without the tools.
 */
final class HistogramFiles {
    private HistogramFiles() {
    }

    static void write(Path out, LaunchMeasurement launch) throws IOException {
        Path dir = out.resolve("histograms");
        Files.createDirectories(dir);
        for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
            String name = launch.configuration().name() + "-round" + launch.round() + "-"
                    + Metric.rate(phase.perSecond()).replace("/s", "per-s");
            Histogram latencies = phase.result().latencyMicros();
            writeLog(dir.resolve(name + ".hlog"), latencies);
            try (PrintStream text = new PrintStream(dir.resolve(name + ".percentiles.txt").toFile(), "UTF-8")) {
                text.println("# " + launch.configuration().name() + ", round " + launch.round() + ", "
                        + Metric.rate(phase.perSecond()) + ", latency from intended send time, milliseconds");
                latencies.outputPercentileDistribution(text, 1000.0);
            }
        }
    }

    private static void writeLog(Path file, Histogram latencies) throws FileNotFoundException {
        try (PrintStream stream = new PrintStream(file.toFile())) {
            HistogramLogWriter log = new HistogramLogWriter(stream);
            log.outputComment("latency in microseconds from each request's intended send time");
            log.outputLogFormatVersion();
            log.outputStartTime(latencies.getStartTimeStamp());
            log.setBaseTime(latencies.getStartTimeStamp());
            log.outputLegend();
            log.outputIntervalHistogram(latencies);
        }
    }
}
