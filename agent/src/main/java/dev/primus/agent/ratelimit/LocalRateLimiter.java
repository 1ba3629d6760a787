package dev.primus.agent.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Token buckets in this JVM ({@code backend: local}): one per key, at most {@code maxKeys} of
 * them.
 *
 * <p>Keys live in two generations, each at most {@code maxKeys / 2}. A key is looked up in the
 * current one, then in the previous one, from which it moves (the same bucket object, so no
 * count is lost) into the current one. When the current generation is full it becomes the
 * previous one and the old previous one is dropped whole: O(1), no sweep, no timer. A key is
 * forgotten only when {@code maxKeys / 2} new keys arrived while it was not used; without key
 * spraying those are long-idle keys whose buckets are full anyway. A forgotten key starts again
 * with a full bucket, so the bound can only ever be lenient, never deny wrongly.
 */
public final class LocalRateLimiter implements RateLimiter {
    public static final int DEFAULT_MAX_KEYS = 100000;
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final double capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoClock;
    private final int generationSize;
    private final AtomicReference<Generations> generations;

    /** {@link #DEFAULT_MAX_KEYS} keys, on {@link System#nanoTime()}. */
    public LocalRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime, DEFAULT_MAX_KEYS);
    }

    /**
     * @param nanoClock a {@link System#nanoTime()}-like source: only differences matter
     * @param maxKeys how many keys are tracked at most, 2 or more
     */
    public LocalRateLimiter(RateLimit limit, LongSupplier nanoClock, int maxKeys) {
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2, was " + maxKeys);
        }
        this.limit = limit;
        this.capacity = limit.capacity();
        this.refillPerSecond = limit.refillPerSecond();
        this.nanoClock = nanoClock;
        this.generationSize = maxKeys / 2;
        this.generations = new AtomicReference<Generations>(new Generations(new ConcurrentHashMap<String, Bucket>()));
    }

    @Override
    public RateLimit limit() {
        return limit;
    }

    @Override
    public RateLimitDecision decide(String key) {
        if (key == null) {
            throw new NullPointerException("rate limit " + limit.id() + " needs a " + limit.key().word() + " to key on");
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = bucket(key, now);
        double secondsUntilToken;
        // A monitor, not a CAS loop: tokens and time change together, and a CAS would need a new
        // immutable state object per request. Uncontended it costs tens of ns and allocates
        // nothing; only requests of the same key contend, for a few arithmetic operations.
        synchronized (bucket) {
            long elapsed = now - bucket.last;
            if (elapsed > 0) { // a caller that read the clock before another one did adds nothing
                // Over 1e9, not times 1e-9: one second at 1/s is then exactly one token.
                bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond / NANOS_PER_SECOND);
                bucket.last = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return RateLimitDecision.allowed();
            }
            secondsUntilToken = (1 - bucket.tokens) / refillPerSecond; // infinite without refill
        }
        return RateLimitDecision.deniedFor(secondsUntilToken);
    }

    /** Always 0: nothing here can fail. */
    @Override
    public long backendErrors() {
        return 0;
    }

    /** An upper bound of the keys tracked now (a key moving between generations counts twice). */
    public int trackedKeys() {
        Generations g = generations.get();
        return g.current.size() + g.previous.size();
    }

    private Bucket bucket(String key, long now) {
        Generations g = generations.get();
        Bucket bucket = g.current.get(key);
        if (bucket != null) {
            return bucket; // the hot path: one lookup
        }
        bucket = g.previous.get(key);
        if (bucket == null) {
            bucket = new Bucket(capacity, now);
        }
        Bucket raced = g.current.putIfAbsent(key, bucket);
        if (raced != null) {
            return raced;
        }
        if (g.current.size() >= generationSize) {
            // Losing this race is fine: the winner rotated. A caller still holding the old
            // generations may create a second bucket for a key at the turn, at most one token
            // of leniency per racing thread.
            generations.compareAndSet(g, new Generations(g.current));
        }
        return bucket;
    }

    /** 32 bytes; about 140 a key with its map entry and an IP-sized key string. */
    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    private static final class Generations {
        final ConcurrentHashMap<String, Bucket> current = new ConcurrentHashMap<String, Bucket>();
        final ConcurrentHashMap<String, Bucket> previous;

        Generations(ConcurrentHashMap<String, Bucket> previous) {
            this.previous = previous;
        }
    }
}
