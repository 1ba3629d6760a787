package dev.primus.agent.metrics;

import java.util.concurrent.ConcurrentHashMap;

/** A counter family with one label, e.g. {@code primus_config_reloads_total{result}}. See {@link LabelledCounter}. */
public final class OneLabelCounter extends LabelledCounter {
    private final ConcurrentHashMap<String, CounterSeries> series = new ConcurrentHashMap<String, CounterSeries>();

    OneLabelCounter(String name, String help, int maxSeries, String label) {
        super(name, help, maxSeries, label);
    }

    /**
     * Makes the series of these label values exist at 0 (folded into {@code _other} past the bound),
     * so that its first increment is an increase Prometheus sees: {@code increase()} cannot see the
     * count a series was born with. For the values known at start-up (outcomes, results, rule ids).
     */
    public void declare(String value) {
        seriesFor(value(value));
    }

    /** Adds one to the series of this label value. No lock and no allocation once it has been seen. */
    public void inc(String value) {
        String a = value(value);
        CounterSeries known = series.get(a);
        (known != null ? known : seriesFor(a)).increment();
    }

    private CounterSeries seriesFor(String a) {
        if (full()) {
            return other();
        }
        synchronized (lock) {
            CounterSeries known = series.get(a);
            if (known == null) {
                if (full()) {
                    return other();
                }
                known = added(a);
                series.put(a, known);
            }
            return known;
        }
    }
}
