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
 * rediss:// against redis-servers this class starts with TLS only: one whose certificate names
 * 127.0.0.1 and localhost, one whose certificate names another host, both signed by a test CA
 * made with openssl. Limits are bound from YAML, as the agent binds them, with and without
 * {@code redis_ca_file}.
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

    private static long connectionsReceived() throws Exception {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://:" + PASSWORD + "@127.0.0.1:" + port);
        try (RedisConnection connection = new RedisConnector(endpoint, TrustedCas.from(ca.toString()).getSocketFactory(), 2000)
                .data(endpoint.addresses().get(0))) {
            String info = new String((byte[]) connection.call("INFO", "stats"), StandardCharsets.UTF_8);
            for (String line : info.split("\r\n")) {
                if (line.startsWith("total_connections_received:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1));
                }
            }
            throw new AssertionError("no total_connections_received in INFO stats");
        }
    }

    // --- certificates, made with openssl as NatsSecureConnectionsTest makes them

    /** A self-signed CA: {@code NAME.pem} and {@code NAME.key}. */
    private static Path certificateAuthority(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name);
        return dir.resolve(name + ".pem");
    }

    /** {@code NAME.pem} and {@code NAME.key}, signed by {@link #ca}, for the subject alternative names {@code san}. */
    private static void serverCertificate(String name, String san) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + san + "\n"
                + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
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
