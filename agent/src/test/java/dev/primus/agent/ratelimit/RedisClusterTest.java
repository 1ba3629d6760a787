package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * redis-cluster:// against three masters this class starts on loopback and joins with
 * {@code redis-cli --cluster create}, each with the data password. Node counters
 * ({@code INFO errorstats}, {@code INFO commandstats}) show which node answered what.
 */
class RedisClusterTest {
    private static final String PASSWORD = "cluster-s3cret";

    @TempDir
    static Path dir;
    private static RedisProcesses redis;
    private static final int[] ports = new int[3];

    private final List<RedisClient> clients = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcesses(dir);
        List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "-a", PASSWORD, "--no-auth-warning",
                "--cluster", "create"));
        for (int i = 0; i < ports.length; i++) {
            ports[i] = RedisProcesses.freePort();
            redis.server("node-" + i, ports[i], "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000", "--requirepass", PASSWORD, "--masterauth", PASSWORD);
            create.add("127.0.0.1:" + ports[i]);
        }
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        RedisProcesses.createCluster(dir, create);
        for (int port : ports) {
            RedisProcesses.awaitTrue(() -> "ok".equals(clusterInfo(port, "cluster_state"))
                            && "3".equals(clusterInfo(port, "cluster_known_nodes")),
                    Duration.ofSeconds(15), "node " + port + " in a cluster of 3 that is ok");
        }
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
        return new RedisRateLimiter(new RateLimit(RealRedis.uniqueId("cluster"), RateLimitKey.TENANT, capacity, 0.01), client);
    }

    private static String url(int... seeds) {
        StringBuilder hosts = new StringBuilder();
        for (int seed : seeds) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(seed);
        }
        return "redis-cluster://:" + PASSWORD + "@" + hosts;
    }

    private static List<Outcome> outcomes(RateLimiter limiter, String key, int calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            outcomes.add(limiter.decide(key).outcome());
        }
        return outcomes;
    }

    private static String bucketKey(RedisRateLimiter limiter, String key) {
        return RedisRateLimiter.KEY_PREFIX + limiter.limit().id() + ":" + key;
    }

    @Test
    void slotsAreWhatARealNodeComputes() {
        for (String key : List.of("123456789", "primus:rl:per-tenant:acme", "primus:rl:per-ip:2001:db8::1", "{user1000}.following",
                "foo{}{bar}", "foo{{bar}}zap", "foo{bar", "ключ", "")) {
            assertEquals(RedisProcesses.callAs(PASSWORD, ports[0], "CLUSTER", "KEYSLOT", key),
                    (long) RedisSlot.of(key.getBytes(StandardCharsets.UTF_8)), key);
        }
    }

    @Test
    void limitsEveryKeyExactlyOnWhicheverMasterOwnsIt() {
        RedisRateLimiter limiter = limiter(url(ports[0]), 3);
        for (int k = 0; k < 60; k++) {
            assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED),
                    outcomes(limiter, "tenant-" + k, 4), "tenant-" + k);
        }
        for (int port : ports) {
            long buckets = ((List<?>) RedisProcesses.callAs(PASSWORD, port, "KEYS", bucketKey(limiter, "*"))).size();
            assertTrue(buckets > 0, "node " + port + " holds some of the 60 buckets");
        }
        assertEquals(0, limiter.backendErrors());
    }

    @Test
    void concurrentCallersGetExactlyCapacityOfEachKey() throws Exception {
        RedisRateLimiter limiter = limiter(url(ports[1]), 20);
        AtomicInteger allowed = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            callers.add(new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    for (int k = 0; k < 5; k++) {
                        if (limiter.decide("tenant-" + k).outcome() == Outcome.ALLOWED) {
                            allowed.incrementAndGet();
                        }
                    }
                }
            }));
        }
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(5 * 20, allowed.get(), "600 calls on 5 buckets of 20");
        assertEquals(0, limiter.backendErrors());
    }

    @Test
    void readsTheSlotMapPastASeedThatIsDown() throws Exception {
        RedisRateLimiter limiter = limiter(url(LoopbackServers.closedPort(), ports[2]), 1);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2));
    }

    @Test
    void aServerThatIsNoClusterNodeSaysSo() throws Exception {
        int port = RedisProcesses.freePort();
        redis.server("standalone", port, "--requirepass", PASSWORD);
        RedisRateLimiter limiter = limiter("redis-cluster://:" + PASSWORD + "@127.0.0.1:" + port, 1);
        RateLimitDecision decision = limiter.decide("acme");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertTrue(decision.reason().endsWith("answered ERR This instance has cluster support disabled; use redis:// for a "
                + "server that is not a cluster node)"), decision.reason());
        assertFalse(decision.reason().contains(PASSWORD));
    }

    @Test
    void followsAskWhileASlotMigratesAndMovedOnceItHasMoved() {
        RedisRateLimiter limiter = limiter(url(ports[0]), 4);
        String key = bucketKey(limiter, "acme");
        int slot = RedisSlot.of(key.getBytes(StandardCharsets.UTF_8));
        int source = owner(slot);
        int target = ports[0] == source ? ports[1] : ports[0];
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "token 1, on the source");

        // Migrating: the bucket moves to the target, the source answers ASK for it.
        String sourceId = myId(source);
        String targetId = myId(target);
        assertEquals("OK", RedisProcesses.callAs(PASSWORD, target, "CLUSTER", "SETSLOT", Integer.toString(slot), "IMPORTING", sourceId));
        assertEquals("OK", RedisProcesses.callAs(PASSWORD, source, "CLUSTER", "SETSLOT", Integer.toString(slot), "MIGRATING", targetId));
        assertEquals("OK", RedisProcesses.callAs(PASSWORD, source, "MIGRATE", "127.0.0.1", Integer.toString(target), "", "0", "5000",
                "AUTH", PASSWORD, "KEYS", key));
        long asks = errorCount(source, "ASK");
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "token 2, on the target after ASKING");
        assertEquals(asks + 1, errorCount(source, "ASK"));

        // Migrated: every master says the target owns the slot; the client's map still says the source.
        for (int port : ports) {
            assertEquals("OK", RedisProcesses.callAs(PASSWORD, port, "CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", targetId));
        }
        long moved = errorCount(source, "MOVED");
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome(), "token 3, on the target after MOVED");
        assertEquals(moved + 1, errorCount(source, "MOVED"));

        long sourceCalls = evalshaCalls(source);
        assertEquals(List.of(Outcome.ALLOWED, Outcome.DENIED), outcomes(limiter, "acme", 2), "token 4, then none left");
        assertEquals(sourceCalls, evalshaCalls(source), "the new map sends the slot straight to the target");
        assertEquals(1L, RedisProcesses.callAs(PASSWORD, target, "EXISTS", key));
        assertEquals(0, limiter.backendErrors());
    }

    // --- asking the nodes directly

    private static String clusterInfo(int port, String field) {
        String info = new String((byte[]) RedisProcesses.callAs(PASSWORD, port, "CLUSTER", "INFO"), StandardCharsets.UTF_8);
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    private static String myId(int port) {
        return (String) RedisProcesses.text(RedisProcesses.callAs(PASSWORD, port, "CLUSTER", "MYID"));
    }

    /** The port of the master serving {@code slot}, from CLUSTER SLOTS. */
    private static int owner(int slot) {
        for (Object range : (List<?>) RedisProcesses.callAs(PASSWORD, ports[0], "CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                int port = (int) (long) (Long) ((List<?>) fields.get(2)).get(1);
                assertNotEquals(0, port);
                return port;
            }
        }
        throw new AssertionError("no node serves slot " + slot);
    }

    /** How often {@code port} answered an error starting with {@code prefix} (INFO errorstats). */
    private static long errorCount(int port, String prefix) {
        String stat = RedisProcesses.info(PASSWORD, port, "errorstats", "errorstat_" + prefix);
        return stat == null ? 0 : Long.parseLong(stat.substring("count=".length()));
    }

    private static long evalshaCalls(int port) {
        String stat = RedisProcesses.info(PASSWORD, port, "commandstats", "cmdstat_evalsha");
        return stat == null ? 0 : Long.parseLong(stat.substring("calls=".length(), stat.indexOf(',')));
    }
}
