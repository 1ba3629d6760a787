package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.LoopbackServers.Proxy;
import dev.primus.agent.ratelimit.LoopbackServers.RecordingServer;
import dev.primus.agent.ratelimit.LoopbackServers.SilentServer;
import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Redis at 127.0.0.1:6379; each test has its own limit id, so its own keys. */
class RedisRateLimiterTest {
    private final String id = RealRedis.uniqueId("rl");
    private final List<RedisClient> clients = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @BeforeAll
    static void redisIsRunning() {
        RealRedis.requireRunning();
    }

    @AfterEach
    void forgetTheBuckets() {
        clients.forEach(RedisClient::close);
        RealRedis.deleteBuckets(0, id);
        RealRedis.deleteBuckets(5, id);
    }

    private RedisRateLimiter limiter(String url, long capacity, double refillPerSecond) {
        return limiter(url, capacity, refillPerSecond, System::nanoTime);
    }

    private RedisRateLimiter limiter(String url, long capacity, double refillPerSecond, LongSupplier clock) {
        RedisClient client = new RedisClient(RedisEndpoint.parse(url), null, RedisClient.DEFAULT_TIMEOUT_MILLIS, clock);
        clients.add(client);
        return new RedisRateLimiter(new RateLimit(id, RateLimitKey.TENANT, capacity, refillPerSecond), client);
    }

    private static List<Outcome> outcomes(RateLimiter limiter, String key, int calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            outcomes.add(limiter.decide(key).outcome());
        }
        return outcomes;
    }

    private String bucketKey(String key) {
        return "primus:rl:" + id + ":" + key;
    }

    @Test
    void allowsABurstOfCapacityThenDenies() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 3, 0.01);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED),
                outcomes(limiter, "acme", 5));
    }

    @Test
    void refillsOverRedisTime() throws Exception {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 1, 5); // a token every 200 ms
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2));
        Thread.sleep(300);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilOneTokenIsBack() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 1, 0.25); // a token every 4 s
        limiter.decide("acme");
        RateLimitDecision denied = limiter.decide("acme");
        assertEquals(Outcome.DENIED, denied.outcome());
        assertEquals(4, denied.retryAfterSeconds());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 1, 50);
        limiter.decide("acme");
        assertEquals(1, limiter.decide("acme").retryAfterSeconds());
    }

    @Test
    void withoutRefillRetryAfterIsTheLongestAnswered() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 1, 0);
        limiter.decide("acme");
        assertEquals(RateLimitDecision.MAX_RETRY_AFTER_SECONDS, limiter.decide("acme").retryAfterSeconds());
    }

    @Test
    void keysHaveIndependentBuckets() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 1, 0.01);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2));
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "globex", 2));
    }

    @Test
    void twoInstancesShareOneBucket() {
        RedisRateLimiter first = limiter(RealRedis.URL, 3, 0.01);
        RedisRateLimiter second = limiter(RealRedis.URL, 3, 0.01); // its own connections, like another JVM
        assertEquals(Outcome.ALLOWED, first.decide("acme").outcome());
        assertEquals(Outcome.ALLOWED, second.decide("acme").outcome());
        assertEquals(Outcome.ALLOWED, first.decide("acme").outcome());
        assertEquals(Outcome.DENIED, second.decide("acme").outcome());
        assertEquals(Outcome.DENIED, first.decide("acme").outcome());
    }

    @Test
    void concurrentCallersOnTwoInstancesGetExactlyCapacity() throws Exception {
        RedisRateLimiter first = limiter(RealRedis.URL, 50, 0.001);
        RedisRateLimiter second = limiter(RealRedis.URL, 50, 0.001);
        AtomicInteger allowed = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            RedisRateLimiter instance = t % 2 == 0 ? first : second;
            callers.add(new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    if (instance.decide("acme").outcome() == Outcome.ALLOWED) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(50, allowed.get(), "320 calls, one bucket of 50");
        assertEquals(0, first.backendErrors() + second.backendErrors());
    }

    @Test
    void theBucketIsAHashUnderThePrefixedKey() {
        limiter(RealRedis.URL, 5, 1).decide("acme");
        assertEquals("hash", RealRedis.call("TYPE", bucketKey("acme")));
        Object state = RealRedis.call("HGET", bucketKey("acme"), "tokens");
        assertEquals("4", new String((byte[]) state, StandardCharsets.UTF_8));
    }

    @Test
    void theBucketExpiresWhenItWouldBeFullAgain() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 10, 5); // a token every 200 ms
        outcomes(limiter, "acme", 3);
        long ttl = (Long) RealRedis.call("PTTL", bucketKey("acme"));
        assertTrue(ttl > 300 && ttl <= 600, "3 tokens short refill in 600 ms, PTTL " + ttl);
    }

    @Test
    void anIdleFullBucketVanishes() throws Exception {
        limiter(RealRedis.URL, 2, 20).decide("acme"); // full again after 50 ms
        Thread.sleep(150);
        assertEquals(0L, RealRedis.call("EXISTS", bucketKey("acme")));
    }

    @Test
    void runsTheScriptAgainAfterRedisLostIt() {
        RedisRateLimiter limiter = limiter(RealRedis.URL, 2, 0.01);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
        assertEquals("OK", RealRedis.call("SCRIPT", "FLUSH"));
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "EVALSHA got NOSCRIPT, EVAL ran it");
        assertEquals(Outcome.DENIED, limiter.decide("acme").outcome(), "the bucket survived the flush");
        String sha = new String(RedisRateLimiter.TOKEN_BUCKET.sha1(), StandardCharsets.US_ASCII);
        assertEquals(List.of(1L), RealRedis.call("SCRIPT", "EXISTS", sha), "EVAL cached the script again");
        assertEquals(0, limiter.backendErrors());
    }

    @Test
    void usesTheDatabaseInTheUrl() {
        limiter(RealRedis.URL + "/5", 2, 1).decide("acme");
        assertEquals(1L, RealRedis.call(5, "EXISTS", bucketKey("acme")));
        assertEquals(0L, RealRedis.call(0, "EXISTS", bucketKey("acme")));
    }

    @Test
    void logsInAsTheUserInTheUrl() {
        // The default user of a Redis without requirepass takes any password.
        RedisRateLimiter limiter = limiter("redis://default:anything@127.0.0.1:6379", 1, 1);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
    }

    @Test
    void sendsAuthAndSelectFromTheUrlBeforeTheScript() throws Exception {
        try (RecordingServer redis = new RecordingServer()) {
            redis.start();
            limiter("redis://orders:s3cret@127.0.0.1:" + redis.port() + "/2", 1, 1).decide("acme");
            assertEquals(List.of("AUTH orders s3cret", "SELECT 2", "EVALSHA"), redis.handshake());
        }
    }

    @Test
    void sendsAuthWithThePasswordAloneWhenTheUrlNamesNoUser() throws Exception {
        try (RecordingServer redis = new RecordingServer()) {
            redis.start();
            limiter("redis://:s3cret@127.0.0.1:" + redis.port(), 1, 1).decide("acme");
            assertEquals(List.of("AUTH s3cret", "EVALSHA"), redis.handshake());
        }
    }

    @Test
    void sendsTheKeyAndTheBucketShapeToTheScript() throws Exception {
        try (RecordingServer redis = new RecordingServer()) {
            redis.start();
            limiter(redis.url(), 100, 50).decide("acme");
            List<String> evalsha = redis.commands.get(0);
            assertEquals(List.of("1", bucketKey("acme"), "100", "50.0", "86400000"), evalsha.subList(2, 7));
        }
    }

    @Test
    void aRefusedLoginIsABackendErrorThatNeverShowsThePassword() {
        // This Redis has no password, so AUTH with one alone is refused.
        RedisRateLimiter limiter = limiter("redis://:hunter2@127.0.0.1:6379", 1, 1);
        RateLimitDecision decision = limiter.decide("acme");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertTrue(decision.reason().startsWith("redis 127.0.0.1:6379/0: AUTH refused:"), decision.reason());
        assertFalse(decision.reason().contains("hunter2"), decision.reason());
    }

    @Test
    void aRedisThatIsDownIsABackendErrorThatAllowsAtOnce() throws Exception {
        int port = LoopbackServers.closedPort();
        RedisRateLimiter limiter = limiter("redis://:hunter2@127.0.0.1:" + port, 1, 1);
        long start = System.nanoTime();
        RateLimitDecision decision = limiter.decide("acme");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertTrue(decision.allows(), "rate limits fail open");
        assertEquals(0, decision.retryAfterSeconds());
        assertTrue(millis < 1000, millis + " ms");
        assertEquals("redis 127.0.0.1:" + port + "/0: ConnectException: Connection refused", decision.reason());
        assertEquals(1, limiter.backendErrors());
    }

    @Test
    void aRedisThatDoesNotAnswerIsABackendErrorAfterTheTimeout() throws Exception {
        try (SilentServer redis = new SilentServer()) {
            redis.start();
            RedisRateLimiter limiter = limiter(redis.url(), 1, 1);
            long start = System.nanoTime();
            RateLimitDecision decision = limiter.decide("acme");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
            assertTrue(decision.reason().contains("no answer within the timeout"), decision.reason());
            assertTrue(millis >= RedisClient.DEFAULT_TIMEOUT_MILLIS - 10 && millis < 2000,
                    millis + " ms, the timeout is " + RedisClient.DEFAULT_TIMEOUT_MILLIS + " ms");
        }
    }

    @Test
    void duringAnOutageDecisionsFailWithoutTouchingTheNetwork() throws Exception {
        try (SilentServer redis = new SilentServer()) {
            redis.start();
            RedisRateLimiter limiter = limiter(redis.url(), 1, 1, now::get);
            limiter.decide("acme");
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertEquals(Outcome.BACKEND_ERROR, limiter.decide("acme").outcome());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, redis.accepted.get(), "one connection, for the first decision");
            assertTrue(millis < 1000, "100 decisions in " + millis + " ms, not 100 timeouts");
            assertEquals(101, limiter.backendErrors());
        }
    }

    @Test
    void reconnectsOnceRedisIsBack() throws Exception {
        Proxy redis = new Proxy();
        redis.start();
        RedisRateLimiter limiter = limiter(redis.url(), 2, 0.01, now::get);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());

        redis.close();
        assertEquals(Outcome.BACKEND_ERROR, limiter.decide("acme").outcome());

        redis.start();
        assertEquals(Outcome.BACKEND_ERROR, limiter.decide("acme").outcome(), "no retry within the second");
        now.addAndGet(RedisClient.RETRY_NANOS);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "the bucket, in Redis, kept its count");
        assertEquals(Outcome.DENIED, limiter.decide("acme").outcome());
        redis.close();
    }

    @Test
    void aRestartedRedisIsReachedAtOnceThroughAFreshConnection() throws Exception {
        Proxy redis = new Proxy();
        redis.start();
        RedisRateLimiter limiter = limiter(redis.url(), 5, 0.01, now::get);
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
        redis.close(); // drops the pooled connection, as a Redis restart does
        redis.start();
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
        assertEquals(0, limiter.backendErrors());
        redis.close();
    }
}
