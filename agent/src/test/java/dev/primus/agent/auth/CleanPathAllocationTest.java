package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests the engine lets through on almost every call allocate nothing: a public route, a
 * remembered token, a known API key, and one of those counted by a local rate limit. Measured by
 * the bytes this thread allocated over many decisions after a warm-up; one object per decision
 * (16 bytes or more) would fail, while the bound leaves room for the JIT's own rare allocations.
 */
class CleanPathAllocationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final String KEY = "pk_live_4f1c9a7e2b8d4c6f9e0a1b2c3d4e5f60";
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;
    /** Bytes per decision still taken as none: below the smallest object. */
    private static final double BOUND = 8;

    private static RequestAuthenticator authenticator;
    private static String bearer;

    @BeforeAll
    static void bind(@TempDir Path dir) throws Exception {
        RSAKey idpKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(idpKey.toPublicJWK()).toString());
        String yaml = """
                service: orders
                auth:
                  default: deny
                  jwt:
                    - id: idp
                      issuer: https://idp.test/
                      jwks_file: %s
                      audiences: [orders]
                      tenant_claim: tenant
                  api_keys:
                    keys:
                      - id: partner-a
                        sha256: "%s"
                        tenant: acme
                        scopes: [orders:read]
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 1000000000
                      refill_per_second: 1000000000
                  rules:
                    - match: { path: /health }
                      require: public
                    - match: { path: "/metered/**" }
                      require: { any_of: [jwt, api_key], scopes: [orders:read] }
                      rate_limit: per-tenant
                    - match: { path: "/api/**", methods: [GET] }
                      require: { any_of: [jwt, api_key], scopes: [orders:read] }
                """.formatted(jwks, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8))));
        LoadResult result = new ConfigLoader(name -> null).load("primus.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(result.isValid(), () -> result.errors().toString());
        authenticator = new RequestAuthenticator(
                AuthSetup.bind(result.config().auth(), "primus.yaml", Clock.fixed(NOW, ZoneOffset.UTC)), "orders");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("https://idp.test/").audience("orders").subject("user-17")
                        .claim("tenant", "globex").claim("scope", "orders:read orders:write")
                        .expirationTime(Date.from(NOW.plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(idpKey));
        bearer = "Bearer " + jwt.serialize();
    }

    /** A request of fixed values whose reading allocates nothing itself. */
    private static final class Request implements AuthRequest {
        private final String path;
        private final String header;
        private final String value;

        Request(String path, String header, String value) {
            this.path = path;
            this.header = header;
            this.value = value;
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String rawPath() {
            return path;
        }

        @Override
        public String get(String name) {
            return name.equalsIgnoreCase(header) ? value : null;
        }

        @Override
        public String clientIp() {
            return "192.0.2.7";
        }

        @Override
        public byte[] body() {
            return null;
        }
    }

    @Test
    void aPublicRouteAllocatesNothing() {
        assertAllocatesNothing(new Request("/health", null, null));
    }

    @Test
    void aRememberedTokenAllocatesNothing() {
        assertAllocatesNothing(new Request("/api/orders/42", "Authorization", bearer));
    }

    @Test
    void aKnownApiKeyAllocatesNothing() {
        assertAllocatesNothing(new Request("/api/orders/42", "X-API-Key", KEY));
    }

    @Test
    void aRequestTakingATokenFromALocalRateLimitAllocatesNothing() {
        assertAllocatesNothing(new Request("/metered/orders", "X-API-Key", KEY));
        assertAllocatesNothing(new Request("/metered/orders", "Authorization", bearer));
    }

    private static void assertAllocatesNothing(Request request) {
        com.sun.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
                ? (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean() : null;
        assumeTrue(threads != null && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        long id = Thread.currentThread().getId();
        for (int i = 0; i < WARM_UP; i++) {
            assertTrue(authenticator.decide(request).isAllowed());
        }
        long before = threads.getThreadAllocatedBytes(id);
        int allowed = 0;
        for (int i = 0; i < MEASURED; i++) {
            allowed += authenticator.decide(request).isAllowed() ? 1 : 0;
        }
        double perDecision = (threads.getThreadAllocatedBytes(id) - before) / (double) MEASURED;
        assertTrue(allowed == MEASURED, "every request is let through");
        assertTrue(perDecision < BOUND, request.path + " with " + request.header + ": " + perDecision
                + " bytes allocated per decision; a clean path allocates none");
    }
}
