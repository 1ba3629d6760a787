package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSetupTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static AuthSetup bind(String authYaml) {
        LoadResult result = new ConfigLoader(name -> null)
                .load("primus.yaml", ("service: t\nauth:\n" + authYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return AuthSetup.bind(result.config().auth(), "primus.yaml", CLOCK);
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rulesAreBoundInFileOrderWithTheDefaultLast() {
        AuthSetup setup = bind("""
                  default: deny
                  rules:
                    - match: { path: /health }
                      require: public
                    - match: { path: "/api/**", methods: [GET] }
                      require: { any_of: [jwt, api_key], scopes: [orders:read] }
                """);
        assertEquals("auth.rules[0]", setup.rules().decide("GET", "/health", null).id());
        AuthRule api = setup.rules().decide("GET", "/api/orders/7", null);
        assertEquals("auth.rules[1]", api.id());
        assertEquals(List.of("orders:read"), api.requirement().scopes());
        assertEquals(AuthRules.DEFAULT_ID, setup.rules().decide("POST", "/api/orders", null).id(), "POST is not GET");
        assertEquals(Requirement.Kind.DENIED, setup.rules().decide("GET", "/admin", null).requirement().kind());
    }

    @Test
    void apiKeysAreCheckedAgainstTheirHashes() throws Exception {
        AuthSetup setup = bind("""
                  api_keys:
                    header: X-Partner-Key
                    keys:
                      - id: partner-a
                        sha256: "%s"
                        tenant: acme
                        scopes: [orders:read]
                """.formatted(sha256("s3cret-key")));
        assertEquals("X-Partner-Key", setup.apiKeys().header());
        Verification accepted = setup.apiKeys().verify("s3cret-key");
        assertTrue(accepted.isAccepted());
        assertEquals("acme", accepted.authenticated().tenant());
        assertEquals(Verification.Outcome.INVALID, setup.apiKeys().verify("guess").outcome());
        assertNull(setup.jwt(), "no issuers, no JWT verifier");
    }

    @Test
    void aStripeWebhookVerifiesWithItsSecretAndTolerance() throws Exception {
        AuthSetup setup = bind("""
                  webhooks:
                    - id: stripe
                      provider: stripe
                      secret: whsec_test
                      tolerance: 60s
                """);
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        WebhookVerifier stripe = setup.webhooks().get("stripe");
        assertEquals("Stripe-Signature", stripe.header());
        long now = NOW.getEpochSecond();
        assertTrue(stripe.verify("t=" + now + ",v1=" + stripeSignature(now, body), body).isAccepted());
        long old = now - 120;
        assertEquals(Verification.Outcome.INVALID, stripe.verify("t=" + old + ",v1=" + stripeSignature(old, body), body)
                .outcome(), "outside the configured 60 s");
    }

    private static String stripeSignature(long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aJwtIssuerIsBoundFromItsJwksFile(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        AuthSetup setup = bind("""
                  jwt:
                    - id: corp
                      issuer: https://idp.example.com/
                      jwks_file: %s
                      audiences: [orders-api]
                      tenant_claim: tenant
                """.formatted(jwks));
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("https://idp.example.com/").audience("orders-api").subject("alice")
                        .claim("tenant", "acme").expirationTime(Date.from(NOW.plusSeconds(300))).build());
        token.sign(new RSASSASigner(key));
        Verification verified = setup.jwt().verify(token.serialize());
        assertTrue(verified.isAccepted(), verified.reason());
        assertEquals("alice", verified.authenticated().principal());
        assertEquals("acme", verified.authenticated().tenant());
    }

    @Test
    void whatTheEngineRefusesIsReportedWithFileAndLineAllAtOnce() {
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  webhooks:
                    - id: pp
                      provider: paypal
                      webhook_id: WH-1
                  jwt:
                    - id: corp
                      issuer: https://idp.example.com/
                      jwks_uri: https://idp.example.com/jwks
                      audiences: [orders-api]
                  rules:
                    - match: { path: "/api/**/x" }
                      require: public
                """));
        assertEquals(3, refused.errors().size(), refused.errors().toString());
        assertEquals("primus.yaml:5: auth.webhooks[0].provider: webhook pp: provider paypal is not available in this "
                + "version; use stripe or hmac_sha256", refused.errors().get(0).toString());
        assertTrue(refused.errors().get(1).toString().startsWith("primus.yaml:8: auth.jwt[0]: auth.jwt corp: only "
                + "jwks_file"), refused.errors().get(1).toString());
        assertTrue(refused.errors().get(2).toString().startsWith("primus.yaml:13: auth.rules[0]: "),
                refused.errors().get(2).toString());
        assertTrue(refused.errors().get(2).toString().contains("/api/**/x"), "names the pattern it cannot read");
    }
}
