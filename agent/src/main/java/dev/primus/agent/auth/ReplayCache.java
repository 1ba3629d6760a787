package dev.primus.agent.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Keys of verified deliveries, each remembered until the time window would refuse the delivery
 * anyway: what makes a second delivery of a captured, genuinely signed message fail. Bounded; when
 * it is full of keys still inside their window it refuses the newcomer rather than forget a key
 * that could still be replayed (the provider retries a refused delivery later).
 */
final class ReplayCache {
    /** What {@link #admit} found. */
    enum Admission {
        /** Not seen before; now remembered. */
        FIRST,
        /** Seen, and still inside its window. */
        REPLAYED,
        /** Not seen, but there is no room to remember it. */
        FULL
    }

    private final int capacity;
    /** Insertion order is near expiry order (deliveries arrive roughly in time), so expired keys are mostly at the head. */
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<String, Long>();

    ReplayCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Remembers {@code key} until {@code expiresAtMillis}, unless it is already remembered.
     * Check and insert are one step, so of two concurrent deliveries of one message only one is first.
     */
    synchronized Admission admit(String key, long expiresAtMillis, long nowMillis) {
        dropExpiredHead(nowMillis);
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > nowMillis) {
            return Admission.REPLAYED;
        }
        if (expiry == null && expiries.size() >= capacity) {
            dropAllExpired(nowMillis);
            if (expiries.size() >= capacity) {
                return Admission.FULL;
            }
        }
        expiries.remove(key);
        expiries.put(key, expiresAtMillis);
        return Admission.FIRST;
    }

    synchronized int size() {
        return expiries.size();
    }

    private void dropExpiredHead(long nowMillis) {
        Iterator<Long> head = expiries.values().iterator();
        while (head.hasNext() && head.next() <= nowMillis) {
            head.remove();
        }
    }

    private void dropAllExpired(long nowMillis) {
        for (Iterator<Long> all = expiries.values().iterator(); all.hasNext(); ) {
            if (all.next() <= nowMillis) {
                all.remove();
            }
        }
    }
}
