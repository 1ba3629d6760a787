package dev.primus.agent.ratelimit;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rate limit costs a request: a token bucket in this JVM, and one in the machine's Redis
 * (127.0.0.1:6379, one script run over a kept connection). The bucket never runs dry, so every
 * call takes the path of an allowed request.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main RateLimiterBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimiterBenchmark {
    private LocalRateLimiter local;
    private RedisClient redisClient;
    private RedisRateLimiter redis;

    @Setup
    public void setUp() {
        RateLimit limit = new RateLimit("bench", RateLimitKey.TENANT, 1_000_000_000L, 1_000_000_000d);
        local = new LocalRateLimiter(limit);
        redisClient = new RedisClient(RedisEndpoint.parse("redis://127.0.0.1:6379/0"), null, RedisClient.DEFAULT_TIMEOUT_MILLIS,
                System::nanoTime);
        redis = new RedisRateLimiter(limit, redisClient);
        if (!redis.decide("tenant:acme").allows()) {
            throw new IllegalStateException("the machine's Redis on 127.0.0.1:6379 must answer for this benchmark");
        }
    }

    @TearDown
    public void tearDown() {
        redisClient.close();
    }

    @Benchmark
    public RateLimitDecision local() {
        return local.decide("tenant:acme");
    }

    @Benchmark
    public RateLimitDecision redis() {
        return redis.decide("tenant:acme");
    }
}
