package dev.primus.agent.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Token buckets in Redis ({@code backend: redis}), so every instance of a service draws from the
 * same bucket. Each decision is one {@link #TOKEN_BUCKET} script run, atomic in Redis; the
 * bucket is the hash {@code primus:rl:<limit id>:<key>}, the script's one key, so in a Redis
 * Cluster one slot on one node with no hash tag needed.
 */
public final class RedisRateLimiter implements RateLimiter {
    static final String KEY_PREFIX = "primus:rl:";
    /** The longest a bucket hash lives untouched: what a bucket that never refills is kept for. */
    static final long MAX_IDLE_MILLIS = RateLimitDecision.MAX_RETRY_AFTER_SECONDS * 1000;

    /**
     * KEYS[1] the bucket; ARGV capacity, refill per second, longest idle ms. Answers {1, 0} when
     * a token was taken, else {0, ms until one is back}, -1 for never.
     *
     * <p>Time is Redis's own, so instances with skewed clocks agree. A denial writes nothing:
     * the stored count and time still give the right refill later. After a take the hash
     * expires once it would be full again, when forgetting it changes nothing.
     */
    static final RedisScript TOKEN_BUCKET = new RedisScript(""
            // Before Redis 5, a script that reads TIME may only write with effects replication.
            + "if redis.replicate_commands then redis.replicate_commands() end\n"
            + "local capacity = tonumber(ARGV[1])\n"
            + "local rate = tonumber(ARGV[2])\n"
            + "local max_idle = tonumber(ARGV[3])\n"
            + "local time = redis.call('TIME')\n"
            + "local now = tonumber(time[1]) * 1000000 + tonumber(time[2])\n"
            + "local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')\n"
            + "local tokens = tonumber(state[1])\n"
            + "local ts = tonumber(state[2])\n"
            + "if tokens == nil or ts == nil then\n"
            + "  tokens = capacity\n"
            + "  ts = now\n"
            + "elseif now > ts then\n"
            + "  tokens = math.min(capacity, tokens + (now - ts) * rate / 1000000)\n"
            + "  ts = now\n"
            + "end\n"
            + "if tokens < 1 then\n"
            + "  if rate <= 0 then return {0, -1} end\n"
            + "  return {0, math.ceil((1 - tokens) * 1000 / rate)}\n"
            + "end\n"
            + "tokens = tokens - 1\n"
            // %.17g and %.0f: a plain number argument would be cut to 14 digits, and µs time has 16.
            + "redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.0f', ts))\n"
            + "local idle = max_idle\n"
            + "if rate > 0 then idle = math.min(max_idle, math.ceil((capacity - tokens) * 1000 / rate)) end\n"
            + "redis.call('PEXPIRE', KEYS[1], math.max(1, idle))\n"
            + "return {1, 0}\n");

    private final RateLimit limit;
    private final RedisClient redis;
    private final String keyPrefix;
    private final byte[] capacity;
    private final byte[] refillPerSecond;
    private final byte[] maxIdleMillis;
    private final LongAdder backendErrors = new LongAdder();

    RedisRateLimiter(RateLimit limit, RedisClient redis) {
        this.limit = limit;
        this.redis = redis;
        this.keyPrefix = KEY_PREFIX + limit.id() + ":";
        this.capacity = ascii(Long.toString(limit.capacity()));
        this.refillPerSecond = ascii(Double.toString(limit.refillPerSecond())); // 50.0, 1.0E-4: Lua reads both
        this.maxIdleMillis = ascii(Long.toString(MAX_IDLE_MILLIS));
    }

    /** The connection this limiter shares with the others naming its URL: a reload that keeps the limit keeps it. */
    RedisClient client() {
        return redis;
    }

    @Override
    public RateLimit limit() {
        return limit;
    }

    /** Where this limiter's buckets are, for messages. */
    public RedisEndpoint endpoint() {
        return redis.endpoint();
    }

    @Override
    public RateLimitDecision decide(String key) {
        if (key == null) {
            throw new NullPointerException("rate limit " + limit.id() + " needs a " + limit.key().word() + " to key on");
        }
        Object reply;
        try {
            reply = redis.eval(TOKEN_BUCKET, 1, (keyPrefix + key).getBytes(StandardCharsets.UTF_8),
                    capacity, refillPerSecond, maxIdleMillis);
        } catch (RedisClient.RedisUnavailableException e) {
            return backendError(e.getMessage());
        }
        if (reply instanceof List && ((List<?>) reply).size() == 2
                && ((List<?>) reply).get(0) instanceof Long && ((List<?>) reply).get(1) instanceof Long) {
            List<?> answer = (List<?>) reply;
            if ((Long) answer.get(0) == 1L) {
                return RateLimitDecision.allowed();
            }
            long millis = (Long) answer.get(1);
            return RateLimitDecision.deniedFor(millis < 0 ? Double.POSITIVE_INFINITY : millis / 1000.0);
        }
        if (reply instanceof RedisConnection.RedisError) {
            // Redis answered but refused (WRONGTYPE on a clashing key, OOM, READONLY replica...).
            return backendError(redis.endpoint() + " refused the rate limit script: " + reply);
        }
        return backendError(redis.endpoint() + " answered the rate limit script with something other than {allowed, ms}");
    }

    private RateLimitDecision backendError(String reason) {
        backendErrors.increment();
        return RateLimitDecision.backendError(reason);
    }

    @Override
    public long backendErrors() {
        return backendErrors.sum();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
