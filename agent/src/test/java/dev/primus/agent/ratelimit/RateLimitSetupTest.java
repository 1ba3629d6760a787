package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.RateLimitSetup.RateLimitSetupException;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitSetupTest {
    private static RateLimitSetup bind(String authYaml) {
        return bind(authYaml, null);
    }

    private static RateLimitSetup bind(String authYaml, RateLimitSetup previous) {
        LoadResult result = new ConfigLoader(name -> null)
                .load("primus.yaml", ("service: t\nauth:\n" + authYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return RateLimitSetup.bind(result.config().auth(), "primus.yaml", previous);
    }

    private static List<String> errors(String authYaml) {
        return assertThrows(RateLimitSetupException.class, () -> bind(authYaml)).errors().stream()
                .map(Object::toString).toList();
    }

    @Test
    void bindsEachLimitByIdWithItsShape() {
        RateLimitSetup setup = bind("""
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 100
                      refill_per_second: 50
                    - id: per-ip
                      key: client_ip
                      capacity: 10
                      refill_per_second: 0.5
                """);
        assertEquals(List.of("per-tenant", "per-ip"), List.copyOf(setup.limiters().keySet()));
        RateLimit perIp = setup.limiter("per-ip").limit();
        assertEquals(RateLimitKey.CLIENT_IP, perIp.key());
        assertEquals(10, perIp.capacity());
        assertEquals(0.5, perIp.refillPerSecond());
    }

    @Test
    void aReloadKeepsTheBucketsOfAnUnchangedLimitAndStartsAChangedOneAfresh() {
        String limits = """
                  rate_limits:
                    - { id: kept, key: tenant, capacity: 2, refill_per_second: 0 }
                    - { id: changed, key: tenant, capacity: 2, refill_per_second: 0 }
                """;
        RateLimitSetup running = bind(limits);
        for (String id : List.of("kept", "changed")) {
            assertTrue(running.limiter(id).decide("tenant:acme").allows());
            assertTrue(running.limiter(id).decide("tenant:acme").allows());
            assertFalse(running.limiter(id).decide("tenant:acme").allows(), id + ": the bucket is empty");
        }

        RateLimitSetup reloaded = bind(limits.replace("id: changed, key: tenant, capacity: 2",
                "id: changed, key: tenant, capacity: 3"), running);

        assertFalse(reloaded.limiter("kept").decide("tenant:acme").allows(), "same definition: same bucket, still empty");
        assertTrue(reloaded.limiter("changed").decide("tenant:acme").allows(), "a new definition starts full");
        assertEquals(3, reloaded.limiter("changed").limit().capacity());
    }

    @Test
    void aLimitWithoutBackendIsLocal() {
        RateLimitSetup setup = bind("""
                  rate_limits:
                    - { id: per-tenant, key: tenant, capacity: 1, refill_per_second: 1 }
                """);
        assertInstanceOf(LocalRateLimiter.class, setup.limiter("per-tenant"));
    }

    @Test
    void aRedisLimitTalksToItsUrlAndConnectsOnlyWhenFirstAsked() {
        RateLimitSetup setup = bind("""
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 100
                      refill_per_second: 50
                      backend: redis
                      redis_url: redis://:s3cret@127.0.0.1:1/4
                """);
        RedisRateLimiter limiter = assertInstanceOf(RedisRateLimiter.class, setup.limiter("per-tenant"));
        assertEquals("redis 127.0.0.1:1/4", limiter.endpoint().toString());
        setup.close();
    }

    @Test
    void bindsSentinelAndClusterUrlsWithoutConnecting() {
        RateLimitSetup setup = bind("""
                  rate_limits:
                    - { id: a, key: tenant, capacity: 1, refill_per_second: 1, backend: redis,
                        redis_url: "redis-sentinel://:s3cret@127.0.0.1:1,127.0.0.1:2/orders/3" }
                    - { id: b, key: tenant, capacity: 1, refill_per_second: 1, backend: redis,
                        redis_url: "redis-cluster://:s3cret@127.0.0.1:1,127.0.0.1:2" }
                """);
        assertEquals("redis-sentinel 127.0.0.1:1,127.0.0.1:2/orders/3",
                ((RedisRateLimiter) setup.limiter("a")).endpoint().toString());
        assertEquals("redis-cluster 127.0.0.1:1,127.0.0.1:2", ((RedisRateLimiter) setup.limiter("b")).endpoint().toString());
        setup.close();
    }

    @Test
    void reportsARedisCaFileItCannotReadAtItsLine() {
        List<String> errors = errors("""
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 100
                      refill_per_second: 50
                      backend: redis
                      redis_url: rediss://:hunter2@127.0.0.1:6380
                      redis_ca_file: /nonexistent/redis-ca.pem
                """);
        assertEquals(List.of("primus.yaml:10: auth.rate_limits[0].redis_ca_file: cannot trust the CA certificates of "
                + "'/nonexistent/redis-ca.pem' (/nonexistent/redis-ca.pem (No such file or directory)); give a PEM file of "
                + "the CA certificates that sign the Redis servers' certificates"), errors);
        assertFalse(errors.toString().contains("hunter2"));
    }

    @Test
    void aLimitNoRuleCanNameIsAbsent() {
        assertNull(bind("  default: allow\n").limiter("per-tenant"));
    }

    @Test
    void reportsAnUnusableRedisUrlAtItsLineWithoutThePassword() {
        List<String> errors = errors("""
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 100
                      refill_per_second: 50
                      backend: redis
                      redis_url: redis-sentinel://:hunter2@10.0.0.1:26379,10.0.0.2:26379
                """);
        assertEquals(List.of("primus.yaml:9: auth.rate_limits[0].redis_url: redis-sentinel:// needs the master's name as "
                + "its path, the name of the sentinels' `sentinel monitor` line: "
                + "redis-sentinel://HOST:26379,HOST:26379/MASTER[/DB]"), errors);
        assertFalse(errors.toString().contains("hunter2"));
    }

    @Test
    void reportsACapacityPastTheMaximum() {
        List<String> errors = errors("""
                  rate_limits:
                    - { id: per-tenant, key: tenant, capacity: 99999999999999999999, refill_per_second: 1 }
                """);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("primus.yaml:4: auth.rate_limits[0].capacity: rate limit per-tenant: "
                + "capacity 99999999999999999999 is larger than 1000000000"), errors.get(0));
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        List<String> errors = errors("""
                  rate_limits:
                    - { id: a, key: tenant, capacity: 1, refill_per_second: 1, backend: redis, redis_url: "http://127.0.0.1" }
                    - { id: b, key: tenant, capacity: 1, refill_per_second: 1 }
                    - { id: c, key: tenant, capacity: 1, refill_per_second: 1, backend: redis, redis_url: "redis://127.0.0.1/x" }
                """);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("primus.yaml:4: auth.rate_limits[0].redis_url: "), errors.get(0));
        assertTrue(errors.get(1).startsWith("primus.yaml:6: auth.rate_limits[2].redis_url: "), errors.get(1));
    }
}
