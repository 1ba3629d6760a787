package dev.primus.agent.metrics;

import java.util.concurrent.ConcurrentHashMap;

/** A counter family with two labels, e.g. {@code primus_auth_failures_total{reason,rule}}. See {@link LabelledCounter}. */
public final class TwoLabelCounter extends LabelledCounter {
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>> series =
            new ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>>();

    TwoLabelCounter(String name, String help, int maxSeries, String label1, String label2) {
        super(name, help, maxSeries, label1, label2);
    }

    /**
     * Makes the series of these label values exist at 0 (folded into {@code _other} past the bound),
     * so that its first increment is an increase Prometheus sees: {@code increase()} cannot see the
     * count a series was born with. For the values known at start-up (outcomes, results, rule ids).
     */
    public void declare(String value1, String value2) {
        seriesFor(value(value1), value(value2));
    }

    /** Adds one to the series of these label values. No lock and no allocation once it has been seen. */
    public void inc(String value1, String value2) {
        String a = value(value1);
        String b = value(value2);
        ConcurrentHashMap<String, CounterSeries> byB = series.get(a);
        CounterSeries known = byB == null ? null : byB.get(b);
        (known != null ? known : seriesFor(a, b)).increment();
    }

    private CounterSeries seriesFor(String a, String b) {
        if (full()) {
            return other();
        }
        synchronized (lock) {
            ConcurrentHashMap<String, CounterSeries> byB = series.get(a);
            CounterSeries known = byB == null ? null : byB.get(b);
            if (known == null) {
                if (full()) {
                    return other();
                }
                known = added(a, b);
                if (byB == null) {
                    byB = new ConcurrentHashMap<String, CounterSeries>();
                    series.put(a, byB);
                }
                byB.put(b, known);
            }
            return known;
        }
    }
}
