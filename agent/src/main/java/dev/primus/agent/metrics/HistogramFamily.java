package dev.primus.agent.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A histogram of sampled durations in seconds, one {@link SampledTimer} per value of its one label,
 * all created with the family: its series are fixed, so it needs no bound. Buckets are cumulative
 * since the agent started, as Prometheus expects ({@code _bucket} counts never go down).
 */
public final class HistogramFamily implements MetricFamily {
    /** Bucket bounds in nanoseconds: 100 ns to 0.1 s, where agent decisions fall. */
    static final long[] BOUNDS_NANOS = {
        100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
    };
    private static final String[] BOUND_TEXT = new String[BOUNDS_NANOS.length];

    static {
        for (int i = 0; i < BOUNDS_NANOS.length; i++) {
            BOUND_TEXT[i] = FloatText.format(BOUNDS_NANOS[i] / 1e9);
        }
    }

    private final String name;
    private final String help;
    private final String labelName;
    private final Map<String, SampledTimer> timers;

    HistogramFamily(String name, String help, String labelName, String... labelValues) {
        this.name = MetricNames.checkMetric(name, MetricType.HISTOGRAM);
        this.help = help;
        this.labelName = MetricNames.checkLabels(name, labelName)[0];
        Map<String, SampledTimer> timers = new LinkedHashMap<String, SampledTimer>();
        for (String value : labelValues) {
            timers.put(value, new SampledTimer());
        }
        this.timers = Collections.unmodifiableMap(timers);
    }

    @Override
    public String name() {
        return name;
    }

    /** The timer of one label value; only those given when the family was made exist. */
    public SampledTimer timer(String labelValue) {
        SampledTimer timer = timers.get(labelValue);
        if (timer == null) {
            throw new IllegalArgumentException(name + " has no " + labelName + " '" + labelValue + "'; it has " + timers.keySet());
        }
        return timer;
    }

    @Override
    public FamilySnapshot snapshot() {
        List<Sample> samples = new ArrayList<Sample>();
        String[] bucketLabels = {labelName, "le"};
        String[] labels = {labelName};
        for (Map.Entry<String, SampledTimer> entry : timers.entrySet()) {
            String value = entry.getKey();
            SampledTimer.Totals totals = entry.getValue().totals(BOUNDS_NANOS);
            for (int i = 0; i < BOUNDS_NANOS.length; i++) {
                samples.add(new Sample(name + "_bucket", bucketLabels, new String[] {value, BOUND_TEXT[i]}, totals.cumulativeCounts[i]));
            }
            samples.add(new Sample(name + "_bucket", bucketLabels, new String[] {value, "+Inf"}, totals.count));
            samples.add(new Sample(name + "_sum", labels, new String[] {value}, totals.sumNanos / 1e9));
            samples.add(new Sample(name + "_count", labels, new String[] {value}, totals.count));
        }
        return new FamilySnapshot(name, help, MetricType.HISTOGRAM, samples);
    }
}
