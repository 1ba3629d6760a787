package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.LoopbackServers.FakeSentinel;
import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * redis-sentinel:// against a master, its replica and two sentinels this class starts, all with
 * the data password: one sentinel without a password of its own, one with the same password. The
 * crash test runs last, since it kills the master. A fake sentinel stands in where a real one
 * would take long: naming a replica, or a new master while the old one still runs (after a manual
 * failover, a real sentinel demotes the old master only at its next INFO, up to 10 s later).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelTest {
    private static final String PASSWORD = "sentinel-s3cret";
    private static final String MASTER = "primus";
    private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static RedisProcesses redis;
    private static int master;
    private static int replica;
    /** Has no password: takes the URL's AUTH as "no password configured". */
    private static int openSentinel;
    /** Has {@code requirepass} the data password. */
    private static int lockedSentinel;
    /** Nothing listens there: a sentinel that is down. */
    private static int deadSentinel;

    private final List<RedisClient> clients = new ArrayList<>();

    @BeforeAll
    static void startMasterReplicaAndSentinels() throws Exception {
        redis = new RedisProcesses(dir);
        master = RedisProcesses.freePort();
        redis.server("master", master, "--requirepass", PASSWORD, "--masterauth", PASSWORD);
        replica = RedisProcesses.freePort();
        redis.server("replica", replica, "--requirepass", PASSWORD, "--masterauth", PASSWORD,
                "--replicaof", "127.0.0.1", Integer.toString(master));
        RedisProcesses.awaitTrue(() -> "up".equals(RedisProcesses.info(PASSWORD, replica, "replication", "master_link_status")),
                Duration.ofSeconds(10), "the replica in sync with the master");
        // Started once the replica is in sync: a sentinel learns replicas from the master's INFO.
        String monitor = "sentinel monitor " + MASTER + " 127.0.0.1 " + master + " 1\n"
                + "sentinel auth-pass " + MASTER + " " + PASSWORD + "\n"
                + "sentinel down-after-milliseconds " + MASTER + " 500\n"
                + "sentinel failover-timeout " + MASTER + " 10000\n"
                + "sentinel sentinel-pass " + PASSWORD + "\n";
        openSentinel = RedisProcesses.freePort();
        redis.sentinel("sentinel-open", openSentinel, monitor);
        lockedSentinel = RedisProcesses.freePort();
        redis.sentinel("sentinel-locked", lockedSentinel, monitor + "requirepass " + PASSWORD + "\n");
        deadSentinel = LoopbackServers.closedPort();
        RedisProcesses.awaitTrue(() -> replicaKnownTo(openSentinel), Duration.ofSeconds(10),
                "the sentinel knows the replica");
    }

    @AfterAll
    static void stopServers() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(RedisClient::close);
    }

    private RedisRateLimiter limiter(String url, long capacity) {
        RedisClient client = new RedisClient(RedisEndpoint.parse(url), null, RedisClient.DEFAULT_TIMEOUT_MILLIS, System::nanoTime);
        clients.add(client);
        return new RedisRateLimiter(new RateLimit(RealRedis.uniqueId("sentinel"), RateLimitKey.TENANT, capacity, 0.01), client);
    }

    private static String url(int... sentinels) {
        StringBuilder hosts = new StringBuilder();
        for (int sentinel : sentinels) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(sentinel);
        }
        return "redis-sentinel://:" + PASSWORD + "@" + hosts + "/" + MASTER;
    }

    private static List<Outcome> outcomes(RateLimiter limiter, String key, int calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            outcomes.add(limiter.decide(key).outcome());
        }
        return outcomes;
    }

    private static boolean bucketOn(int port, RedisRateLimiter limiter, String key) {
        return Long.valueOf(1).equals(RedisProcesses.callAs(PASSWORD, port, "EXISTS",
                RedisRateLimiter.KEY_PREFIX + limiter.limit().id() + ":" + key));
    }

    @Test
    @Order(1)
    void asksTheSentinelsInOrderPastOneThatIsDownAndLimitsOnTheMaster() {
        RedisRateLimiter limiter = limiter(url(deadSentinel, openSentinel), 3);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 4));
        assertTrue(bucketOn(master, limiter, "acme"));
        assertEquals(0, limiter.backendErrors());
    }

    @Test
    @Order(2)
    void aSentinelWithTheDataPasswordIsAskedWithIt() {
        RedisRateLimiter limiter = limiter(url(lockedSentinel), 1);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2));
    }

    @Test
    @Order(3)
    void aSentinelRefusingThePasswordIsABackendErrorThatNeverShowsIt() {
        RedisClient client = new RedisClient(RedisEndpoint.parse("redis-sentinel://:wrong-" + PASSWORD + "@127.0.0.1:"
                + lockedSentinel + "/" + MASTER), null, RedisClient.DEFAULT_TIMEOUT_MILLIS, System::nanoTime);
        clients.add(client);
        RateLimitDecision decision = new RedisRateLimiter(new RateLimit("s", RateLimitKey.TENANT, 1, 1), client).decide("acme");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertTrue(decision.reason().contains("AUTH to sentinel refused: WRONGPASS"), decision.reason());
        assertFalse(decision.reason().contains(PASSWORD), decision.reason());
    }

    @Test
    @Order(4)
    void aMasterNameNoSentinelKnowsIsABackendErrorNamingIt() {
        RedisClient client = new RedisClient(RedisEndpoint.parse("redis-sentinel://:" + PASSWORD + "@127.0.0.1:" + deadSentinel
                + ",127.0.0.1:" + openSentinel + "/orders"), null, RedisClient.DEFAULT_TIMEOUT_MILLIS, System::nanoTime);
        clients.add(client);
        RateLimitDecision decision = new RedisRateLimiter(new RateLimit("s", RateLimitKey.TENANT, 1, 1), client).decide("acme");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertEquals("redis-sentinel 127.0.0.1:" + deadSentinel + ",127.0.0.1:" + openSentinel + "/orders/0: no sentinel named "
                + "the master of orders (127.0.0.1:" + deadSentinel + ": ConnectException: Connection refused; 127.0.0.1:"
                + openSentinel + " knows no master named orders (the name of a `sentinel monitor` line))", decision.reason());
    }

    @Test
    @Order(5)
    void aServerTheSentinelsNameThatIsNoMasterIsRefused() throws Exception {
        try (FakeSentinel sentinel = new FakeSentinel()) {
            sentinel.master = "127.0.0.1:" + replica;
            sentinel.start();
            RedisRateLimiter limiter = limiter("redis-sentinel://:" + PASSWORD + "@127.0.0.1:" + sentinel.port() + "/" + MASTER, 1);
            RateLimitDecision decision = limiter.decide("acme");
            assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
            assertTrue(decision.reason().contains("master 127.0.0.1:" + replica + " of " + MASTER + ": named master of "
                    + MASTER + " by the sentinels, it answers ROLE slave: a failover is under way or the sentinels disagree; "
                    + "the sentinels still name it"), decision.reason());
            assertFalse(bucketOn(replica, limiter, "acme"));
        }
    }

    @Test
    @Order(6)
    void aMasterDemotedWhileConnectedIsLeftForTheOneTheSentinelsNameNow() throws Exception {
        try (RedisProcesses servers = new RedisProcesses(dir.resolve("demoted"));
             FakeSentinel sentinel = new FakeSentinel()) {
            int first = RedisProcesses.freePort();
            servers.server("first", first);
            int second = RedisProcesses.freePort();
            servers.server("second", second);
            sentinel.master = "127.0.0.1:" + first;
            sentinel.start();
            RedisRateLimiter limiter = limiter("redis-sentinel://127.0.0.1:" + sentinel.port() + "/" + MASTER, 2);
            assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());

            // A manual failover's end, as the client sees it: its connection to the old master
            // still open, that master now a replica refusing writes, the sentinels naming another.
            assertEquals("OK", RedisProcesses.call(first, "REPLICAOF", "127.0.0.1", Integer.toString(second)));
            sentinel.master = "127.0.0.1:" + second;

            assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 3),
                    "READONLY sent the first call to the new master, where the bucket starts full");
            assertEquals(0, limiter.backendErrors());
        }
    }

    @Test
    @Order(7)
    void afterTheMasterCrashesLimitsOnTheReplicaTheSentinelsPromote() throws Exception {
        RedisRateLimiter limiter = limiter(url(openSentinel, lockedSentinel), 3);
        assertEquals(Outcome.ALLOWED, limiter.decide("before").outcome());

        RedisProcesses.kill(redis.process("master"));
        RedisProcesses.awaitTrue(() -> limiter.decide("after").outcome() == Outcome.ALLOWED, FAILOVER_DEADLINE,
                "a decision on the master the sentinels promote");

        assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "after", 3));
        assertTrue(bucketOn(replica, limiter, "after"), "the bucket is on the old replica, the new master");
        assertEquals("master", RedisProcesses.info(PASSWORD, replica, "replication", "role"));
    }

    private static boolean replicaKnownTo(int sentinel) {
        Object replicas = RedisProcesses.text(RedisProcesses.call(sentinel, "SENTINEL", "replicas", MASTER));
        if (!(replicas instanceof List) || ((List<?>) replicas).isEmpty()) {
            return false;
        }
        List<?> fields = (List<?>) ((List<?>) replicas).get(0);
        int flags = fields.indexOf("flags");
        return flags >= 0 && "slave".equals(fields.get(flags + 1));
    }
}
