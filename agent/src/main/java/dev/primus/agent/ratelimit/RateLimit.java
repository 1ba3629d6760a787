package dev.primus.agent.ratelimit;

/**
 * One configured limit: its id, the attribute that picks the bucket, and the bucket's shape. A
 * bucket holds at most {@code capacity} tokens, gains {@code refillPerSecond} a second, and a
 * request takes one.
 */
public final class RateLimit {
    /** A burst larger than this is a typo, and keeps token counts exact in a double. */
    public static final long MAX_CAPACITY = 1000000000L;

    private final String id;
    private final RateLimitKey key;
    private final long capacity;
    private final double refillPerSecond;

    /** @throws IllegalArgumentException when a value is out of range, naming it */
    public RateLimit(String id, RateLimitKey key, long capacity, double refillPerSecond) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a rate limit needs an id; rules name it with rate_limit: ID");
        }
        if (key == null) {
            throw new IllegalArgumentException("rate limit " + id + " needs key: tenant, principal, api_key or client_ip");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("rate limit " + id + ": capacity " + capacity + " is out of range; write 1 to "
                    + MAX_CAPACITY + " requests");
        }
        if (!(refillPerSecond >= 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("rate limit " + id + ": refill_per_second " + refillPerSecond
                    + " is out of range; write 0 (never refills) or more");
        }
        this.id = id;
        this.key = key;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    public String id() {
        return id;
    }

    public RateLimitKey key() {
        return key;
    }

    public long capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }

    @Override
    public String toString() {
        return id + " (per " + key.word() + ": " + capacity + " burst, " + refillPerSecond + "/s)";
    }
}
