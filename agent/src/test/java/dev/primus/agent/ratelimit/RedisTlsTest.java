package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.TrustedCas;
import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rediss://, rediss-sentinel:// and rediss-cluster:// against redis-servers this class starts
 * with TLS only: servers whose certificate names 127.0.0.1 and localhost, and one whose
 * certificate names another host, all signed by a test CA made with openssl. Limits are bound
 * from YAML, as the agent binds them, with and without {@code redis_ca_file}.
 */
class RedisTlsTest {
    private static final String PASSWORD = "tls-s3cret";

    @TempDir
    static Path dir;
    private static RedisProcesses redis;
    private static Path ca;
    private static Path otherCa;
    private static int port;
    private static int wrongNamePort;

    private final List<RateLimitSetup> setups = new ArrayList<>();

    @BeforeAll
    static void startTlsServers() throws Exception {
        ca = certificateAuthority("primus-test-ca");
        otherCa = certificateAuthority("primus-test-other-ca");
        serverCertificate("server", "IP:127.0.0.1,DNS:localhost");
        serverCertificate("wrong-name", "DNS:redis.example.com");
        redis = new RedisProcesses(dir);
        port = RedisProcesses.freePort();
        redis.server("tls", port, tls(port, "server", "--requirepass", PASSWORD));
        wrongNamePort = RedisProcesses.freePort();
        redis.server("tls-wrong-name", wrongNamePort, tls(wrongNamePort, "wrong-name"));
    }

    /** Three TLS-only masters joined as a cluster whose bus speaks TLS too; their ports. */
    private static int[] tlsCluster() throws Exception {
        int[] nodes = new int[3];
        List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "--tls", "--cacert", ca.toString(),
                "-a", PASSWORD, "--no-auth-warning", "--cluster", "create"));
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = RedisProcesses.freePort();
            redis.server("tls-cluster-" + i, nodes[i], tls(nodes[i], "server", "--tls-cluster", "yes", "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf", "--requirepass", PASSWORD, "--masterauth", PASSWORD));
            create.add("127.0.0.1:" + nodes[i]);
        }
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        RedisProcesses.createCluster(dir, create);
        return nodes;
    }

    @AfterAll
    static void stopServers() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeSetups() {
        setups.forEach(RateLimitSetup::close);
    }

    private static String[] tls(int port, String certificate, String... more) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", dir.resolve(certificate + ".pem").toString(),
                "--tls-key-file", dir.resolve(certificate + ".key").toString(),
                "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", "no"));
        Collections.addAll(args, more);
        return args.toArray(new String[0]);
    }

    /** One limit, {@code per-tenant}, capacity 3, bound from YAML with these Redis keys. */
    private RateLimiter limiter(String redisKeys) {
        String yaml = "service: t\nauth:\n  rate_limits:\n    - id: " + RealRedis.uniqueId("tls") + "\n"
                + "      key: tenant\n      capacity: 3\n      refill_per_second: 0.01\n      backend: redis\n" + redisKeys;
        LoadResult result = new ConfigLoader(name -> null).load("primus.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(result.isValid(), result.errors().toString());
        RateLimitSetup setup = RateLimitSetup.bind(result.config().auth(), "primus.yaml");
        setups.add(setup);
        return setup.limiters().values().iterator().next();
    }

    private static List<Outcome> outcomes(RateLimiter limiter, String key, int calls) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            outcomes.add(limiter.decide(key).outcome());
        }
        return outcomes;
    }

    private static RateLimitDecision refused(RateLimiter limiter) {
        RateLimitDecision decision = limiter.decide("acme");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome(), decision.reason());
        assertTrue(decision.allows(), "a backend error lets the request through");
        assertFalse(decision.reason().contains(PASSWORD), decision.reason());
        return decision;
    }

    @Test
    void enforcesALimitOverTlsTrustingTheCaFile() {
        RateLimiter limiter = limiter("      redis_url: rediss://:" + PASSWORD + "@127.0.0.1:" + port + "\n"
                + "      redis_ca_file: " + ca + "\n");
        assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED),
                outcomes(limiter, "acme", 4));
        assertEquals(0, limiter.backendErrors());
    }

    @Test
    void verifiesAHostNameAsWellAsAnIp() {
        RateLimiter limiter = limiter("      redis_url: rediss://:" + PASSWORD + "@localhost:" + port + "\n"
                + "      redis_ca_file: " + ca + "\n");
        assertEquals(Outcome.ALLOWED, limiter.decide("acme").outcome());
    }

    @Test
    void reusesOneTlsConnectionForManyDecisions() throws Exception {
        RateLimiter limiter = limiter("      redis_url: rediss://:" + PASSWORD + "@127.0.0.1:" + port + "\n"
                + "      redis_ca_file: " + ca + "\n");
        limiter.decide("warm-up");
        long before = connectionsReceived();
        outcomes(limiter, "acme", 20);
        assertEquals(before + 1, connectionsReceived(), "only this query's own connection is new");
    }

    @Test
    void refusesACertificateFromAnotherCaAndLetsTheRequestThrough() {
        RateLimiter limiter = limiter("      redis_url: rediss://:" + PASSWORD + "@127.0.0.1:" + port + "\n"
                + "      redis_ca_file: " + otherCa + "\n");
        String reason = refused(limiter).reason();
        assertTrue(reason.startsWith("rediss 127.0.0.1:" + port + "/0: TLS handshake with 127.0.0.1:" + port + " failed ("),
                reason);
        assertTrue(reason.contains("certification path"), reason);
        assertTrue(reason.endsWith("; the server's certificate must be signed by a CA in redis_ca_file (without it, in the "
                + "JVM's trust store) and name the host or IP the client connects to"), reason);
    }

    @Test
    void refusesACertificateForAnotherHostName() {
        RateLimiter limiter = limiter("      redis_url: rediss://127.0.0.1:" + wrongNamePort + "\n"
                + "      redis_ca_file: " + ca + "\n");
        String reason = refused(limiter).reason();
        assertTrue(reason.contains("No subject alternative names matching IP address 127.0.0.1"), reason);
    }

    @Test
    void withoutACaFileTrustsOnlyTheJvmTrustStore() {
        RateLimiter limiter = limiter("      redis_url: rediss://:" + PASSWORD + "@127.0.0.1:" + port + "\n");
        assertTrue(refused(limiter).reason().contains("certification path"), "a test CA is in no JVM's trust store");
    }

    @Test
    void aPlainUrlToTheTlsPortIsABackendError() {
        RateLimiter limiter = limiter("      redis_url: redis://:" + PASSWORD + "@127.0.0.1:" + port + "\n");
        refused(limiter);
    }

    @Test
    void enforcesALimitThroughTlsSentinels() throws Exception {
        int master = RedisProcesses.freePort();
        redis.server("tls-sentinel-master", master, tls(master, "server", "--requirepass", PASSWORD));
        int sentinel = RedisProcesses.freePort();
        redis.sentinel("tls-sentinel", sentinel, "port 0\ntls-port " + sentinel + "\n"
                + "tls-cert-file " + dir.resolve("server.pem") + "\ntls-key-file " + dir.resolve("server.key") + "\n"
                + "tls-ca-cert-file " + ca + "\ntls-auth-clients no\ntls-replication yes\n"
                + "sentinel monitor primus 127.0.0.1 " + master + " 1\nsentinel auth-pass primus " + PASSWORD + "\n");
        RateLimiter limiter = limiter("      redis_url: rediss-sentinel://:" + PASSWORD + "@127.0.0.1:" + sentinel + "/primus\n"
                + "      redis_ca_file: " + ca + "\n");
        assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED),
                outcomes(limiter, "acme", 4));
    }

    @Test
    void enforcesALimitOnATlsCluster() throws Exception {
        int[] nodes = tlsCluster();
        for (int node : nodes) {
            RedisProcesses.awaitTrue(() -> tlsCall(node, "CLUSTER", "INFO").contains("cluster_state:ok"),
                    Duration.ofSeconds(15), "TLS cluster node " + node + " ok");
        }
        RateLimiter limiter = limiter("      redis_url: rediss-cluster://:" + PASSWORD + "@127.0.0.1:" + nodes[0] + "\n"
                + "      redis_ca_file: " + ca + "\n");
        for (int k = 0; k < 20; k++) {
            assertEquals(List.of(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED),
                    outcomes(limiter, "tenant-" + k, 4), "tenant-" + k);
        }
        for (int node : nodes) {
            assertFalse(tlsCall(node, "DBSIZE").equals("0"), "node " + node + " holds some of the 20 buckets");
        }
        assertEquals(0, limiter.backendErrors());
    }

    private static long connectionsReceived() {
        for (String line : tlsCall(port, "INFO", "stats").split("\r\n")) {
            if (line.startsWith("total_connections_received:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1));
            }
        }
        throw new AssertionError("no total_connections_received in INFO stats");
    }

    /** One command over TLS to the server on {@code port}, logged in; the reply as text. */
    private static String tlsCall(int port, String... command) {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://:" + PASSWORD + "@127.0.0.1:" + port);
        try (RedisConnection connection = new RedisConnector(endpoint, TrustedCas.from(ca.toString()).getSocketFactory(), 2000)
                .data(endpoint.addresses().get(0))) {
            return String.valueOf(RedisProcesses.text(connection.call(command)));
        } catch (Exception e) {
            throw new AssertionError("redis " + port + ": " + String.join(" ", command) + " failed", e);
        }
    }

    // --- certificates, made with openssl as NatsSecureConnectionsTest makes them

    /** A self-signed CA: {@code NAME.pem} and {@code NAME.key}. */
    private static Path certificateAuthority(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name);
        return dir.resolve(name + ".pem");
    }

    /**
     * {@code NAME.pem} and {@code NAME.key}, signed by {@link #ca}, for the subject alternative
     * names {@code san}; for clients too, since cluster nodes present it to each other on the bus.
     */
    private static void serverCertificate(String name, String san) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + san + "\n"
                + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca.toString(), "-CAkey", dir.resolve("primus-test-ca.key").toString(),
                "-set_serial", Long.toString(System.nanoTime()), "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openssl");
        Collections.addAll(command, args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
