package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One launch, measured: start the app, time it to ready, warm it up, saturate it, hold it at
 * each fixed rate, read its memory, stop it. Every configuration goes through the same steps.
 */
final class LaunchProcedure {
    /** The percentiles reported at each rate; 100 is the maximum. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};
    /**
     * Bound on requests outstanding in a fixed-rate phase: enough that a healthy app never
     * reaches it, few enough that a stalled one does not pile up requests without end. The
     * keepalive client sends them over at most --connections connections; the JDK's opens one
     * per request outstanding.
     */
    private static final int MAX_IN_FLIGHT = 256;

    private final HarnessOptions options;
    private final ProcessCpu cpu;
    private final CompilerCpu compilerCpu;
    private final Path out;
    private final int appCpuCount;

    /** {@code appPinned}: whether the app runs on {@code --app-cpus}, or on all the machine's CPUs. */
    LaunchProcedure(HarnessOptions options, ProcessCpu cpu, Path out, boolean appPinned) {
        this.options = options;
        this.cpu = cpu;
        this.compilerCpu = new CompilerCpu(cpu);
        this.out = out;
        this.appCpuCount = appPinned ? Taskset.cpuCount(options.appCpus()) : Runtime.getRuntime().availableProcessors();
    }

    /** Launches the app without an agent and stops it once ready: its measurements are not kept. */
    void prime() throws IOException, InterruptedException {
        try (AppProcess app = AppProcess.launch(options, AgentConfiguration.NONE, out.resolve("logs").resolve("priming-none.log"))) {
            app.awaitReady(options.ready());
        }
    }

    /** {@code rates}: those of the fixed-rate phases, chosen in the first launch measured if not given. */
    LaunchMeasurement measure(AgentConfiguration configuration, int round, FixedRates rates)
            throws IOException, InterruptedException {
        Map<Metric, Double> values = new LinkedHashMap<>();
        AnswerTally answers = new AnswerTally(options.requests());
        String logName = configuration.name() + "-round" + round;
        // The requester closes before the app stops, so that no request meets an app going away.
        try (AppProcess app = AppProcess.launch(options, configuration, out.resolve("logs").resolve(logName + ".log"));
             Requester http = options.client().requester(options.requests(), answers, options.connections())) {
            long readyNanos = app.awaitReady(options.ready());
            values.put(Metric.TIME_TO_READY, readyNanos / 1e6);
            values.put(Metric.CPU_TO_READY, cpu.seconds(app.pid()));
            values.put(Metric.COMPILER_CPU_TO_READY, compilerCpu.read(app.pid()).total());
            ProcessMemory atReady = ProcessMemory.of(app.pid());
            values.put(Metric.PEAK_RSS_AT_READY, atReady.peakMegabytes());
            values.put(Metric.RSS_AT_READY, atReady.residentMegabytes());

            SaturationLoad closedLoop = new SaturationLoad(http, options.connections());
            // Not counted: the JIT compiles the request path, in the app and in this generator.
            closedLoop.run(Duration.ofSeconds(options.warmupSeconds()));
            double appBefore = cpu.seconds(app.pid());
            CompilerCpu.Snapshot compilerBefore = compilerCpu.read(app.pid());
            double generatorBefore = cpu.seconds(ProcessHandle.current().pid());
            SaturationLoad.Result saturation = closedLoop.run(Duration.ofSeconds(options.saturationSeconds()));
            double seconds = options.saturationSeconds();
            double appSeconds = cpu.seconds(app.pid()) - appBefore;
            double compilerSeconds = compilerCpu.read(app.pid()).since(compilerBefore);
            LaunchMeasurement.SaturationBusy busy = new LaunchMeasurement.SaturationBusy(
                    appSeconds / seconds / appCpuCount,
                    (cpu.seconds(ProcessHandle.current().pid()) - generatorBefore) / seconds
                            / Runtime.getRuntime().availableProcessors());
            values.put(Metric.THROUGHPUT, saturation.okPerSecond());
            values.put(Metric.COMPILER_SHARE_AT_SATURATION, appSeconds > 0 ? 100 * compilerSeconds / appSeconds : Double.NaN);
            values.put(Metric.CPU_PER_THOUSAND_AT_SATURATION_WITHOUT_COMPILER,
                    perThousand(appSeconds - compilerSeconds, saturation.ok() + saturation.failed()));

            List<LaunchMeasurement.RatePhase> phases = new ArrayList<>();
            ConstantRateLoad openModel = new ConstantRateLoad(http, MAX_IN_FLIGHT);
            AgentMetricsScraper agentMetrics = options.agentMetrics() == null ? null : new AgentMetricsScraper(options.agentMetrics());
            for (double rate : rates.after(configuration, saturation.okPerSecond())) {
                // Scraped outside the CPU reading: rendering the metrics is the agent's work, but not per request.
                Optional<DecisionReadings> agentBefore = agentMetrics == null ? Optional.empty() : agentMetrics.read();
                double cpuBefore = cpu.seconds(app.pid());
                CompilerCpu.Snapshot compilingBefore = compilerCpu.read(app.pid());
                ConstantRateLoad.Result result = openModel.run(rate, Duration.ofSeconds(options.rateSeconds()));
                double cpuAfter = cpu.seconds(app.pid());
                double compiling = compilerCpu.read(app.pid()).since(compilingBefore);
                Optional<DecisionReadings> agentAfter = agentBefore.isEmpty() ? Optional.empty() : agentMetrics.read();
                Histogram latencies = result.latencyMicros();
                for (double percentile : PERCENTILES) {
                    values.put(Metric.latency(rate, percentile), latencies.getValueAtPercentile(percentile) / 1000.0);
                }
                long answered = result.sent() - result.unanswered();
                values.put(Metric.cpuPerThousandRequests(rate), perThousand(cpuAfter - cpuBefore, answered));
                values.put(Metric.cpuPerThousandRequestsWithoutCompiler(rate),
                        perThousand(cpuAfter - cpuBefore - compiling, answered));
                AgentTime agentTime = agentBefore.isPresent() && agentAfter.isPresent()
                        ? agentAfter.get().since(agentBefore.get(), answered) : AgentTime.NONE;
                if (agentMetrics != null && agentTime.isEmpty() && !configuration.equals(AgentConfiguration.NONE)) {
                    System.out.println("note: no agent metrics for " + configuration.name() + " at " + Metric.rate(rate)
                            + " (" + (agentMetrics.lastProblem() == null ? "no decision in the phase" : agentMetrics.lastProblem())
                            + "); its row is left out");
                }
                phases.add(new LaunchMeasurement.RatePhase(rate, result, agentTime));
            }
            ProcessMemory afterLoad = ProcessMemory.of(app.pid());
            values.put(Metric.PEAK_RSS_AFTER_LOAD, afterLoad.peakMegabytes());
            values.put(Metric.RSS_AFTER_LOAD, afterLoad.residentMegabytes());
            return new LaunchMeasurement(configuration, round, values, saturation, busy, phases, answers.counts());
        }
    }

    /** CPU milliseconds per 1,000 requests; NaN for no request. */
    private static double perThousand(double cpuSeconds, long requests) {
        return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests * 1000;
    }
}
