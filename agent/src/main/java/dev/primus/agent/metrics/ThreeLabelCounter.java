package dev.primus.agent.metrics;

import java.util.concurrent.ConcurrentHashMap;

/** A counter family with three labels, e.g. {@code primus_decisions_total{module,outcome,rule}}. See {@link LabelledCounter}. */
public final class ThreeLabelCounter extends LabelledCounter {
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>>> series =
            new ConcurrentHashMap<String, ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>>>();

    ThreeLabelCounter(String name, String help, int maxSeries, String label1, String label2, String label3) {
        super(name, help, maxSeries, label1, label2, label3);
    }

    /**
     * Makes the series of these label values exist at 0 (folded into {@code _other} past the bound),
     * so that its first increment is an increase Prometheus sees: {@code increase()} cannot see the
     * count a series was born with. For the values known at start-up (outcomes, results, rule ids).
     */
    public void declare(String value1, String value2, String value3) {
        seriesFor(value(value1), value(value2), value(value3));
    }

    /** Adds one to the series of these label values. No lock and no allocation once it has been seen. */
    public void inc(String value1, String value2, String value3) {
        String a = value(value1);
        String b = value(value2);
        String c = value(value3);
        ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>> byB = series.get(a);
        ConcurrentHashMap<String, CounterSeries> byC = byB == null ? null : byB.get(b);
        CounterSeries known = byC == null ? null : byC.get(c);
        (known != null ? known : seriesFor(a, b, c)).increment();
    }

    private CounterSeries seriesFor(String a, String b, String c) {
        if (full()) {
            return other();
        }
        synchronized (lock) {
            ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>> byB = series.get(a);
            ConcurrentHashMap<String, CounterSeries> byC = byB == null ? null : byB.get(b);
            CounterSeries known = byC == null ? null : byC.get(c);
            if (known == null) {
                if (full()) {
                    return other();
                }
                known = added(a, b, c);
                if (byB == null) {
                    byB = new ConcurrentHashMap<String, ConcurrentHashMap<String, CounterSeries>>();
                    series.put(a, byB);
                }
                if (byC == null) {
                    byC = new ConcurrentHashMap<String, CounterSeries>();
                    byB.put(b, byC);
                }
                byC.put(c, known);
            }
            return known;
        }
    }
}
