package dev.primus.agent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * One label set's count. A {@link LongAdder}: threads on different cores add to different cells
 * instead of contending on one word (its cells are allocated once, the first time two threads
 * collide, never per increment).
 */
final class CounterSeries {
    final String[] labelValues;
    private final LongAdder count = new LongAdder();

    CounterSeries(String... labelValues) {
        this.labelValues = labelValues;
    }

    void increment() {
        count.increment();
    }

    long count() {
        return count.sum();
    }
}
