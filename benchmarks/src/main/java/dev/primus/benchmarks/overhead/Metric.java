package dev.primus.benchmarks.overhead;

import java.util.Locale;

/** One figure measured per launch, with its unit and which direction is a cost. */
record Metric(String name, String unit, boolean higherIsBetter) {
    static final Metric TIME_TO_READY = new Metric("time to ready", "ms", false);
    static final Metric CPU_TO_READY = new Metric("CPU to ready", "s", false);
    static final Metric COMPILER_CPU_TO_READY = new Metric("JIT compiler CPU to ready", "s", false);
    static final Metric PEAK_RSS_AT_READY = new Metric("peak RSS at ready (VmHWM)", "MB", false);
    static final Metric RSS_AT_READY = new Metric("RSS at ready (VmRSS)", "MB", false);
    static final Metric THROUGHPUT = new Metric("throughput at saturation", "2xx/s", true);
    /** How much of the saturation phase's CPU the app spent compiling rather than serving. */
    static final Metric COMPILER_SHARE_AT_SATURATION = new Metric("JIT compiler's share of the app's CPU at saturation", "%", false);
    /** What a request cost at saturation, the compiling left out: the compiler's share of the CPU does not move it. */
    static final Metric CPU_PER_THOUSAND_AT_SATURATION_WITHOUT_COMPILER =
            new Metric("CPU per 1,000 requests at saturation, JIT compiler left out", "ms", false);
    static final Metric PEAK_RSS_AFTER_LOAD = new Metric("peak RSS after load (VmHWM)", "MB", false);
    static final Metric RSS_AFTER_LOAD = new Metric("RSS after load (VmRSS)", "MB", false);

    /** {@code percentile} as HdrHistogram takes it: 99.9 for p99.9, 100 for max. */
    static Metric latency(double perSecond, double percentile) {
        String label = percentile == 100 ? "max" : "p" + new java.math.BigDecimal(Double.toString(percentile)).stripTrailingZeros().toPlainString();
        return new Metric(label + " latency at " + rate(perSecond), "ms", false);
    }

    static Metric cpuPerThousandRequests(double perSecond) {
        return new Metric("CPU per 1,000 requests at " + rate(perSecond), "ms", false);
    }

    static Metric cpuPerThousandRequestsWithoutCompiler(double perSecond) {
        return new Metric("CPU per 1,000 requests at " + rate(perSecond) + ", JIT compiler left out", "ms", false);
    }

    static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.format(Locale.ROOT, "%d/s", (long) perSecond)
                : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }
}
