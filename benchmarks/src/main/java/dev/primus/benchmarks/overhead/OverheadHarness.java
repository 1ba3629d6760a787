package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What an agent costs any app: the app launched once per configuration per round, the
 * configurations in an order rotated each round, each launch measured the same way. Reports,
 * per metric, the median of the per-round ratios configuration/none with their range; a range
 * that includes 1.0 is "not distinguishable from no agent".
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     dev.primus.benchmarks.overhead.OverheadHarness --app APP.jar --ready URL [--request URL]... [--requests FILE]... \
 *     [--client keepalive|jdk] [--config NAME=-javaagent:JAR[=ARGS] ...] [--rounds N] [--rates R1,R2] [--seconds S] \
 *     [--heap 256m] [--app-cpus 0] [--load-cpus 1] [--agent-metrics URL] [--out DIR] [--quick] [-- APP ARGS...]
 * </pre>
 *
 * <ul>
 * <li>{@code --app APP.jar}: launched as {@code java -XmsHEAP -XmxHEAP [flags] -jar APP.jar [APP ARGS]};
 *     with {@code --main CLASS}, as {@code -cp APP.jar CLASS} instead.
 * <li>{@code --ready URL}: polled every 10 ms from launch; the first 200 is "ready".
 * <li>{@code --request URL}, repeatable: a GET of URL in the load (default, without --requests: the ready URL).
 * <li>{@code --requests FILE}, repeatable: requests with method, headers and body, in the format of
 *     {@link RequestFile}. The load sends every request of --request and --requests in turn.
 * <li>{@code --client keepalive|jdk}: the load generator's HTTP client ({@link KeepAliveRequester},
 *     the default; or the JDK's HttpClient, for https).
 * <li>{@code --config NAME=FLAGS}, repeatable: a configuration measured against {@code none}, which
 *     is always run. FLAGS are JVM flags separated by spaces, e.g.
 *     {@code primus-enforcing=-javaagent:/opt/primus-agent.jar=config=/etc/primus.yaml -Dprimus.x=y}.
 * <li>{@code --rounds N} (7; 3 with --quick).
 * <li>{@code --rates R1,R2}: requests per second of the fixed-rate phases (default: half the
 *     saturation throughput of {@code none} in round 1, see {@link FixedRates}).
 * <li>{@code --seconds S}: length of the saturation phase and of each fixed-rate phase (15 and 30;
 *     with --quick 5 and 10). {@code --warmup S}: the uncounted warm-up before them (30).
 * <li>{@code --connections N}: requests in flight in the saturation phase (16).
 * <li>{@code --heap SIZE} (256m), fixed with -Xms and -Xmx so that heap sizing is not part of the difference.
 * <li>{@code --app-cpus LIST} (0) and {@code --load-cpus LIST} (1): taskset CPU lists for the app and
 *     for this JVM, which generates the load; ignored where taskset is missing.
 * <li>{@code --agent-metrics URL}: the agent's Prometheus endpoint, scraped before and after each
 *     fixed-rate phase for its own time per decision ({@link DecisionReadings}); optional.
 * <li>{@code --out DIR} (benchmarks/results/DATE-HOST, see {@link dev.primus.benchmarks.ResultsFolder}): report.md, its SVG
 *     charts, summary.json, histograms/, logs/.
 * <li>{@code --java PATH}: the app's java (default: the one running the harness).
 * <li>{@code --quick}: 3 rounds, 30 s warm-up, 5 s saturation, 10 s at one rate.
 * </ul>
 *
 * <p>Per launch: time and CPU to ready, peak and current RSS at ready, throughput at
 * saturation (closed loop), latency percentiles at each fixed rate (open model, timed from each
 * request's intended send time), CPU per 1,000 requests at each rate, peak and current RSS after
 * the load. The design is in package-info.java.
 */
public final class OverheadHarness {
    private OverheadHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("overhead: " + e.getMessage());
            System.err.println("usage: OverheadHarness --app APP.jar --ready URL [--request URL]... [--requests FILE]..."
                    + " [--client keepalive|jdk] [--config NAME=JVM_FLAGS]... [--rounds N] [--rates R1,R2] [--seconds S]"
                    + " [--heap 256m] [--app-cpus 0] [--load-cpus 1] [--agent-metrics URL] [--out DIR] [--quick]"
                    + " [-- APP ARGS...]  (benchmarks/overhead/README.md describes each)");
            System.exit(2);
            return;
        }
        run(options);
    }

    static void run(HarnessOptions options) throws IOException, InterruptedException {
        String startedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        // Before pinning this JVM: the machine's CPU count, for the app when it is not pinned.
        boolean appPinned = Taskset.available() && !options.appCpus().isEmpty();
        LaunchProcedure procedure = new LaunchProcedure(options, ProcessCpu.ofThisMachine(), options.out(), appPinned);
        boolean generatorPinned = Taskset.pinThisProcess(options.loadCpus());
        if (!generatorPinned || !appPinned) {
            System.out.println("note: not pinned to CPUs (taskset missing or refused); app and load generator share the machine's CPUs");
        }
        Path out = options.out();
        Files.createDirectories(out);

        // Not counted: the first launch of a run pays for a cold page cache (the JDK, the app's
        // jar), which would flatter every configuration measured against none in round 1.
        System.out.println("priming launch of none, to ready only (not counted)...");
        procedure.prime();
        FixedRates rates = FixedRates.of(options.rates());

        List<LaunchMeasurement> launches = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            List<AgentConfiguration> order = new ArrayList<>(options.configurations());
            // Rotated, so no configuration always runs first after a quiet spell or last in a warm machine.
            Collections.rotate(order, -(round - 1));
            for (AgentConfiguration configuration : order) {
                LaunchMeasurement launch = procedure.measure(configuration, round, rates);
                launches.add(launch);
                HistogramFiles.write(out, launch);
                System.out.println("round " + round + " " + configuration.name() + ": " + line(launch));
                warnOfFailedRequests(launch);
            }
        }

        RunDescription run = new RunDescription(options, rates.rates(), rates.chosen(), appPinned, generatorPinned, startedAt,
                hostname(), System.getProperty("java.version"));
        List<Comparison> comparisons = Comparison.of(options.configurations(), launches);
        List<ChartFiles.Chart> charts = ChartFiles.write(out, options.configurations(), rates.rates(), launches);
        String report = MarkdownReport.render(run, comparisons, launches, charts);
        Files.writeString(out.resolve("report.md"), report);
        Files.writeString(out.resolve("summary.json"), SummaryJson.render(run, comparisons, launches));
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + out);
    }

    /** One launch on one line, for following a run as it goes. */
    private static String line(LaunchMeasurement launch) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "ready %s ms, cpu %s s, peak RSS %s MB, %s 2xx/s (app CPU %.0f%% busy, %s%% of it compiling; generator %.0f%%)",
                MarkdownReport.number(launch.value(Metric.TIME_TO_READY)), MarkdownReport.number(launch.value(Metric.CPU_TO_READY)),
                MarkdownReport.number(launch.value(Metric.PEAK_RSS_AT_READY)), MarkdownReport.number(launch.value(Metric.THROUGHPUT)),
                100 * launch.busy().app(), MarkdownReport.number(launch.value(Metric.COMPILER_SHARE_AT_SATURATION)),
                100 * launch.busy().generator()));
        for (LaunchMeasurement.RatePhase phase : launch.ratePhases()) {
            double rate = phase.perSecond();
            text.append(String.format(Locale.ROOT, "; at %s p50 %s p99 %s max %s ms, late %d, failed %d", Metric.rate(rate),
                    MarkdownReport.number(launch.value(Metric.latency(rate, 50))),
                    MarkdownReport.number(launch.value(Metric.latency(rate, 99))),
                    MarkdownReport.number(launch.value(Metric.latency(rate, 100))), phase.result().late(), phase.result().failed()));
        }
        return text.toString();
    }

    private static void warnOfFailedRequests(LaunchMeasurement launch) {
        String warning = AnswersReport.consoleWarning(launch);
        if (!warning.isEmpty()) {
            System.out.println(warning);
        }
        long agentFailures = AgentTimeReport.failuresSoFar(launch);
        if (agentFailures > 0) {
            System.out.println("WARNING: the agent counted " + agentFailures + " failures of its own (" + DecisionReadings.FAILURES
                    + "): calls its guards let through unchecked; see the app's log");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
