package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    // nanoTime has an arbitrary origin; start far from zero.
    private final AtomicLong now = new AtomicLong(8_765_432_100_000L);

    private LocalRateLimiter limiter(long capacity, double refillPerSecond) {
        return limiter(capacity, refillPerSecond, now::get, LocalRateLimiter.DEFAULT_MAX_KEYS);
    }

    private static LocalRateLimiter limiter(long capacity, double refillPerSecond, LongSupplier clock, int maxKeys) {
        return new LocalRateLimiter(new RateLimit("per-tenant", RateLimitKey.TENANT, capacity, refillPerSecond), clock, maxKeys);
    }

    private static int allowedOf(RateLimiter limiter, String key, int calls) {
        int allowed = 0;
        for (int i = 0; i < calls; i++) {
            if (limiter.decide(key).outcome() == Outcome.ALLOWED) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void allowsABurstOfCapacityThenDenies() {
        LocalRateLimiter limiter = limiter(5, 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "request " + (i + 1));
        }
        RateLimitDecision sixth = limiter.decide("acme");
        assertEquals(Outcome.DENIED, sixth.outcome());
        assertEquals(false, sixth.allows());
    }

    @Test
    void refillsOneTokenPerOneOverRefillSeconds() {
        LocalRateLimiter limiter = limiter(2, 4); // a token every 250 ms
        assertEquals(2, allowedOf(limiter, "acme", 10));
        now.addAndGet(249 * MILLI);
        assertEquals(Outcome.DENIED, limiter.decide("acme").outcome(), "249 ms is not yet a token");
        now.addAndGet(1 * MILLI);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
        assertEquals(Outcome.DENIED, limiter.decide("acme").outcome());
    }

    @Test
    void neverRefillsBeyondCapacity() {
        LocalRateLimiter limiter = limiter(3, 10);
        assertEquals(3, allowedOf(limiter, "acme", 3));
        now.addAndGet(3600 * SECOND);
        assertEquals(3, allowedOf(limiter, "acme", 10));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilOneTokenIsBack() {
        LocalRateLimiter limiter = limiter(1, 0.25); // a token every 4 s
        limiter.decide("acme");
        assertEquals(4, limiter.decide("acme").retryAfterSeconds());
        now.addAndGet(1500 * MILLI);
        assertEquals(3, limiter.decide("acme").retryAfterSeconds(), "2.5 s left, rounded up");
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        LocalRateLimiter limiter = limiter(1, 50); // a token every 20 ms
        limiter.decide("acme");
        assertEquals(1, limiter.decide("acme").retryAfterSeconds());
    }

    @Test
    void aRequestWaitingRetryAfterIsAllowed() {
        LocalRateLimiter limiter = limiter(1, 0.3);
        limiter.decide("acme");
        long retryAfter = limiter.decide("acme").retryAfterSeconds();
        assertEquals(4, retryAfter, "1 / 0.3 = 3.33 s");
        now.addAndGet(retryAfter * SECOND);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
    }

    @Test
    void withoutRefillRetryAfterIsTheLongestAnswered() {
        LocalRateLimiter limiter = limiter(1, 0);
        limiter.decide("acme");
        now.addAndGet(3600 * SECOND);
        RateLimitDecision denied = limiter.decide("acme");
        assertEquals(Outcome.DENIED, denied.outcome());
        assertEquals(RateLimitDecision.MAX_RETRY_AFTER_SECONDS, denied.retryAfterSeconds());
    }

    @Test
    void keysHaveIndependentBuckets() {
        LocalRateLimiter limiter = limiter(2, 1);
        assertEquals(2, allowedOf(limiter, "acme", 5));
        assertEquals(2, allowedOf(limiter, "globex", 5), "acme's burst is not globex's");
        assertEquals(0, allowedOf(limiter, "acme", 1));
    }

    @Test
    void aClockReadBeforeTheLastOneAddsNoTokens() {
        LocalRateLimiter limiter = limiter(1, 1);
        limiter.decide("acme");
        now.addAndGet(-10 * SECOND);
        assertEquals(Outcome.DENIED, limiter.decide("acme").outcome());
    }

    @Test
    void worksAcrossTheOverflowOfTheNanoClock() {
        now.set(Long.MAX_VALUE - 100 * MILLI);
        LocalRateLimiter limiter = limiter(1, 1);
        limiter.decide("acme");
        now.addAndGet(SECOND); // wraps to a large negative number, as nanoTime may
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
    }

    @Test
    void refusesANullKeyNamingTheAttribute() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> limiter(1, 1).decide(null));
        assertEquals("rate limit per-tenant needs a tenant to key on", e.getMessage());
    }

    @Test
    void concurrentCallersGetExactlyCapacityWhenTimeStandsStill() throws Exception {
        LocalRateLimiter limiter = limiter(100, 1000);
        assertEquals(100, hammer(limiter, 8, 20_000));
    }

    @Test
    void concurrentCallersNeverGetMoreThanCapacityPlusRefill() throws Exception {
        AtomicLong clock = new AtomicLong();
        // Every call moves time on 1 µs: 8 × 20,000 calls span 160 ms, 16 tokens at 100/s.
        LocalRateLimiter limiter = limiter(50, 100, () -> clock.addAndGet(1000), LocalRateLimiter.DEFAULT_MAX_KEYS);
        int allowed = hammer(limiter, 8, 20_000);
        assertTrue(allowed <= 50 + 16, allowed + " allowed");
        assertTrue(allowed >= 50, allowed + " allowed");
    }

    private static int hammer(RateLimiter limiter, int threads, int callsEach) throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                allowed.addAndGet(allowedOf(limiter, "acme", callsEach));
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return allowed.get();
    }

    @Test
    void keepsAtMostMaxKeysUnderKeySpraying() {
        LocalRateLimiter limiter = limiter(10, 1);
        int mostTracked = 0;
        for (int i = 0; i < 1_000_000; i++) {
            limiter.decide("sprayed-" + i);
            if (i % 1000 == 0) {
                mostTracked = Math.max(mostTracked, limiter.trackedKeys());
            }
        }
        mostTracked = Math.max(mostTracked, limiter.trackedKeys());
        assertTrue(mostTracked <= LocalRateLimiter.DEFAULT_MAX_KEYS, mostTracked + " keys tracked");
    }

    @Test
    void aKeyInUseKeepsItsBucketWhileOtherKeysAreSprayed() {
        LocalRateLimiter limiter = limiter(3, 0.001, now::get, 1000);
        assertEquals(3, allowedOf(limiter, "acme", 3));
        for (int i = 0; i < 100_000; i++) {
            limiter.decide("sprayed-" + i);
            if (i % 100 == 0) {
                assertEquals(Outcome.DENIED, limiter.decide("acme").outcome(), "after " + i + " sprayed keys");
            }
        }
    }

    @Test
    void aKeyForgottenUnderSprayingStartsAgainWithAFullBucket() {
        LocalRateLimiter limiter = limiter(3, 0.001, now::get, 1000);
        assertEquals(3, allowedOf(limiter, "acme", 3));
        for (int i = 0; i < 1000; i++) {
            limiter.decide("sprayed-" + i);
        }
        assertEquals(3, allowedOf(limiter, "acme", 5));
    }

    @Test
    void neverFailsItsBackend() {
        LocalRateLimiter limiter = limiter(1, 1);
        allowedOf(limiter, "acme", 10);
        assertEquals(0, limiter.backendErrors());
    }
}
