package dev.primus.agent.masking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many values each detector masked since the last drain, for the once-a-minute audit event.
 * Exact (a drain takes each count with getAndSet, losing no concurrent increment), and each count
 * sits on its own cache line so threads masking different kinds of values do not contend.
 */
final class DetectorCounts {
    /** 8 longs = 64 bytes apart: one cache line per counter. */
    private static final int STRIDE = 8;

    private final String[] names;
    private final AtomicLongArray counts;

    DetectorCounts(String[] names) {
        this.names = names.clone();
        this.counts = new AtomicLongArray(names.length * STRIDE);
    }

    void increment(int detector) {
        counts.getAndIncrement(detector * STRIDE);
    }

    /** Detector name to count since the last drain, non-zero counts only; resets nothing. */
    Map<String, Long> peek() {
        Map<String, Long> counted = new LinkedHashMap<String, Long>();
        for (int i = 0; i < names.length; i++) {
            long count = counts.get(i * STRIDE);
            if (count != 0) {
                counted.put(names[i], count);
            }
        }
        return counted;
    }

    /** Detector name to count, non-zero counts only, in detector order; resets what it returns. */
    Map<String, Long> drain() {
        Map<String, Long> drained = new LinkedHashMap<String, Long>();
        for (int i = 0; i < names.length; i++) {
            long count = counts.getAndSet(i * STRIDE, 0);
            if (count != 0) {
                drained.put(names[i], count);
            }
        }
        return drained;
    }
}
