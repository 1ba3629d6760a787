package dev.primus.agent.metrics;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Times one decision in {@value #ONE_IN} of one module, for {@code primus_decision_duration_seconds}.
 * Two {@code System.nanoTime()} calls cost about 35 ns here, as much as a cached egress decision,
 * so most calls are not timed at all:
 *
 * <pre>{@code
 * long started = timer.startSample();   // 0 when this call is not sampled
 * ... decide ...
 * timer.endSample(started);             // does nothing for 0
 * }</pre>
 *
 * <p>Durations go into an HdrHistogram {@link Recorder}: wait-free, and allocation-free with a
 * fixed range. The scraper alone moves each interval into a running total, under this timer's
 * monitor, which no guard thread takes.
 *
 * <p>HdrHistogram classes it calls: {@code Recorder} and {@code Histogram}. Classes the JVM loads
 * for them, which the agent jar must keep (20 of HdrHistogram's, about 60 KB; {@code
 * HdrHistogramClassesTest} runs the metrics with only these): {@code AbstractHistogram},
 * {@code AbstractHistogramBase}, {@code AbstractHistogramIterator}, {@code AtomicHistogram},
 * {@code ConcurrentHistogram}, {@code DoubleHistogram}, {@code DoubleValueRecorder},
 * {@code EncodableHistogram}, {@code Histogram}, {@code HistogramIterationValue},
 * {@code IntervalHistogramProvider}, {@code PackedConcurrentHistogram}, {@code PercentileIterator},
 * {@code RecordedValuesIterator}, {@code Recorder}, {@code Recorder$InternalAtomicHistogram},
 * {@code Recorder$InternalConcurrentHistogram}, {@code Recorder$InternalPackedConcurrentHistogram},
 * {@code ValueRecorder}, {@code WriterReaderPhaser}.
 */
public final class SampledTimer {
    /** One call in this many is timed; a power of two, so the choice is a mask. */
    public static final int ONE_IN = 64;
    private static final int MASK = ONE_IN - 1;
    /**
     * Durations are recorded in nanoseconds up to 1 s; longer ones as 1 s, which the largest finite
     * bucket (0.1 s) leaves in {@code +Inf} as it should. Two significant digits: a bucket may take
     * in durations up to 0.8% above its bound; three would cost eight times the memory.
     */
    static final long HIGHEST_NANOS = 1_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    /**
     * Calls so far. A plain int, written racily by every thread on purpose: a lost update only
     * shifts which call is timed, the rate stays one in {@value #ONE_IN} near enough, and it costs
     * no lock, no CAS and no allocation. (A per-thread counter would need a ThreadLocal lookup.)
     */
    private int calls;
    private final Recorder recorder = new Recorder(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    /** Exact: the histogram keeps values to two digits only. Written on sampled calls only. */
    private final LongAdder sumNanos = new LongAdder();
    /** The scraper's: guarded by this timer's monitor. */
    private final Histogram total = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    SampledTimer() {
    }

    /** The start of a sampled call, or 0 when this call is not timed. */
    public long startSample() {
        if ((++calls & MASK) != 0) {
            return 0;
        }
        long now = System.nanoTime();
        return now == 0 ? 1 : now;
    }

    /** Records the time since {@code started}; nothing when it is 0 (the call was not sampled). */
    public void endSample(long started) {
        if (started == 0) {
            return;
        }
        record(System.nanoTime() - started);
    }

    void record(long nanos) {
        long duration = Math.max(nanos, 0);
        // Past the histogram's range the Recorder would throw: such a duration belongs in +Inf anyway.
        recorder.recordValue(Math.min(duration, HIGHEST_NANOS));
        sumNanos.add(duration);
    }

    /** Every sample since start: cumulative counts at each bound (in ns), then the total and sum. */
    synchronized Totals totals(long[] boundsNanos) {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long[] cumulative = new long[boundsNanos.length];
        for (int i = 0; i < boundsNanos.length; i++) {
            cumulative[i] = total.getCountBetweenValues(0, boundsNanos[i]);
        }
        return new Totals(cumulative, total.getTotalCount(), sumNanos.sum());
    }

    /** One scrape's reading of a timer. */
    static final class Totals {
        final long[] cumulativeCounts;
        final long count;
        final long sumNanos;

        Totals(long[] cumulativeCounts, long count, long sumNanos) {
            this.cumulativeCounts = cumulativeCounts;
            this.count = count;
            this.sumNanos = sumNanos;
        }
    }
}
