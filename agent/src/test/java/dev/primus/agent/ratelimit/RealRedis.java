package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The Redis the Redis tests run against, and what they ask it directly. */
final class RealRedis {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String URL = "redis://" + HOST + ":" + PORT;

    private RealRedis() {
    }

    /** Fails, never skips: these tests are the only proof the script works in a real Redis. */
    static void requireRunning() {
        try (RedisConnection connection = connect(URL)) {
            Object reply = connection.call("PING");
            if (!"PONG".equals(reply)) {
                fail("Redis at " + HOST + ":" + PORT + " answered PING with " + reply + "; the Redis tests need a Redis "
                        + "with no password there");
            }
        } catch (IOException e) {
            fail("the Redis tests need a Redis at " + HOST + ":" + PORT + " (e.g. `redis-server --port " + PORT
                    + "`), and none answered: " + e);
        }
    }

    private static RedisConnection connect(String url) throws IOException {
        return new RedisConnector(RedisEndpoint.parse(url), null, 2000).data(new RedisAddress(HOST, PORT));
    }

    /** A limit id no other test uses, so buckets never meet. */
    static String uniqueId(String what) {
        return "test-" + what + "-" + UUID.randomUUID();
    }

    static Object call(int db, String... command) {
        try (RedisConnection connection = connect(URL + "/" + db)) {
            return connection.call(command);
        } catch (IOException e) {
            throw new AssertionError("Redis " + String.join(" ", command) + " failed", e);
        }
    }

    static Object call(String... command) {
        return call(0, command);
    }

    /** Deletes every bucket of a limit id. */
    static void deleteBuckets(int db, String limitId) {
        Object keys = call(db, "KEYS", RedisRateLimiter.KEY_PREFIX + limitId + ":*");
        for (Object key : (List<?>) keys) {
            call(db, "DEL", new String((byte[]) key, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
