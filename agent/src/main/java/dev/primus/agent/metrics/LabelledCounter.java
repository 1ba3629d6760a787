package dev.primus.agent.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the counter families of one, two and three labels share: the bound on their series and the
 * {@code _other} series that label sets past it fold into.
 *
 * <p>A family holds at most {@code maxSeries} series: {@code maxSeries - 1} label sets of its own,
 * then one whose label values are all {@code _other}, which every later new label set adds to.
 * Labels are rule ids, kinds and reasons from the config and the code, never values from a
 * request; the bound is there so that a bug, or a config with thousands of rules, costs a scrape
 * a bounded number of lines and never the agent's memory.
 *
 * <p>Subclasses look a label set up in nested {@code ConcurrentHashMap}s keyed by the label values
 * themselves: no key object is built, no lock is taken, nothing is allocated once the label set has
 * been seen. Only the first increment of a new label set takes {@link #lock}.
 */
abstract class LabelledCounter implements MetricFamily {
    static final String OTHER = "_other";

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final int maxSeries;
    /** In the order they were first seen; written under {@link #lock}, read by the scraper. */
    private final List<CounterSeries> series = new CopyOnWriteArrayList<CounterSeries>();
    final Object lock = new Object();
    /** Label sets of its own; volatile so that a full family folds without taking the lock. */
    private volatile int ownSeries;
    private volatile CounterSeries other;

    LabelledCounter(String name, String help, int maxSeries, String... labelNames) {
        if (maxSeries < 2) {
            throw new IllegalArgumentException(name + ": a family needs room for at least one label set and _other");
        }
        this.name = MetricNames.checkMetric(name, MetricType.COUNTER);
        this.help = help;
        this.labelNames = MetricNames.checkLabels(name, labelNames);
        this.maxSeries = maxSeries;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Label values as the maps hold them: a null (no rule matched, say) is the empty value. */
    static String value(String labelValue) {
        return labelValue == null ? "" : labelValue;
    }

    /** Whether a new label set must fold into {@code _other}; read before taking the lock. */
    final boolean full() {
        return ownSeries >= maxSeries - 1;
    }

    /** Called under {@link #lock} with a label set not yet in the maps; the caller puts it there. */
    final CounterSeries added(String... labelValues) {
        CounterSeries added = new CounterSeries(labelValues);
        series.add(added);
        ownSeries++;
        return added;
    }

    final CounterSeries other() {
        CounterSeries folded = other;
        if (folded == null) {
            synchronized (lock) {
                folded = other;
                if (folded == null) {
                    String[] values = new String[labelNames.length];
                    java.util.Arrays.fill(values, OTHER);
                    folded = new CounterSeries(values);
                    other = folded;
                }
            }
        }
        return folded;
    }

    @Override
    public final FamilySnapshot snapshot() {
        List<Sample> samples = new ArrayList<Sample>(series.size() + 1);
        for (CounterSeries each : series) {
            samples.add(new Sample(name, labelNames, each.labelValues, each.count()));
        }
        CounterSeries folded = other;
        if (folded != null) {
            samples.add(new Sample(name, labelNames, folded.labelValues, folded.count()));
        }
        return new FamilySnapshot(name, help, MetricType.COUNTER, samples);
    }
}
