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
import java.util.Map;
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
        assertTrue(stripe.verify(RequestHeaders.of(Map.of("Stripe-Signature", "t=" + now + ",v1=" + stripeSignature(now, body))),
                body).isAccepted());
        long old = now - 120;
        assertEquals(Verification.Outcome.INVALID, stripe.verify(RequestHeaders.of(Map.of("Stripe-Signature",
                "t=" + old + ",v1=" + stripeSignature(old, body))), body).outcome(), "outside the configured 60 s");
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
                      jwks_uri: http://idp.example.com/jwks
                      audiences: [orders-api]
                  rules:
                    - match: { path: "/api/**/x" }
                      require: public
                """));
        assertEquals(3, refused.errors().size(), refused.errors().toString());
        assertTrue(refused.errors().get(0).toString().startsWith("primus.yaml:4: auth.webhooks[0]: webhook pp: provider "
                + "paypal needs trust_anchor"), refused.errors().get(0).toString());
        assertEquals("primus.yaml:10: auth.jwt[0].jwks_uri: auth.jwt corp: jwks_uri http://idp.example.com/jwks: plain "
                + "http to idp.example.com is refused (keys fetched in clear can be swapped on the way); use https",
                refused.errors().get(1).toString());
        assertTrue(refused.errors().get(2).toString().startsWith("primus.yaml:13: auth.rules[0]: "),
                refused.errors().get(2).toString());
        assertTrue(refused.errors().get(2).toString().contains("/api/**/x"), "names the pattern it cannot read");
    }

    @Test
    void aPayPalWebhookIsBoundWithItsWebhookIdTrustAnchorAndTolerance() {
        AuthSetup setup = bind("""
                  webhooks:
                    - id: paypal
                      provider: paypal
                      webhook_id: 1JE4291016473214C
                      trust_anchor: %s
                      tolerance: 60s
                """.formatted(PayPalTestCertificates.get().caPem));
        WebhookVerifier paypal = setup.webhooks().get("paypal");
        assertTrue(paypal instanceof PayPalSignatureVerifier, String.valueOf(paypal));
        assertEquals("PAYPAL-TRANSMISSION-SIG", paypal.header());
        // Refused on the configured 60 s before any certificate is fetched: no network in this test.
        Verification stale = paypal.verify(RequestHeaders.of(Map.of("PAYPAL-TRANSMISSION-ID", "id-1",
                "PAYPAL-TRANSMISSION-TIME", NOW.minusSeconds(120).toString(), "PAYPAL-TRANSMISSION-SIG", "c2ln",
                "PAYPAL-CERT-URL", "https://api.paypal.com/v1/notifications/certs/CERT-1")), new byte[0]);
        assertEquals("transmission time older than the tolerance of 60s (replayed?)", stale.reason());
    }

    @Test
    void aPayPalWebhookWithoutTrustAnchorIsAnErrorNamingItsLine() {
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  webhooks:
                    - id: pp
                      provider: paypal
                      webhook_id: 1JE4291016473214C
                """));
        assertEquals(1, refused.errors().size(), refused.errors().toString());
        assertEquals("primus.yaml:4: auth.webhooks[0]: webhook pp: provider paypal needs trust_anchor, a PEM file with "
                + "the CA certificate at the top of the chain PayPal serves at PAYPAL-CERT-URL",
                refused.errors().get(0).toString());
    }

    @Test
    void aTrustAnchorThatIsNotAPemCertificateIsAnErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Path notPem = dir.resolve("ca.pem");
        Files.writeString(notPem, "not a certificate\n");
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  webhooks:
                    - id: pp
                      provider: paypal
                      webhook_id: 1JE4291016473214C
                      trust_anchor: %s
                    - id: pp2
                      provider: paypal
                      webhook_id: 1JE4291016473214C
                      trust_anchor: %s
                """.formatted(notPem, dir.resolve("absent.pem"))));
        assertEquals(2, refused.errors().size(), refused.errors().toString());
        String first = refused.errors().get(0).toString();
        assertTrue(first.startsWith("primus.yaml:7: auth.webhooks[0].trust_anchor: webhook pp: cannot read a CA "
                + "certificate from " + notPem), first);
        assertTrue(first.endsWith("give a readable PEM file with -----BEGIN CERTIFICATE-----"), first);
        assertTrue(refused.errors().get(1).toString().startsWith("primus.yaml:11: auth.webhooks[1].trust_anchor: "),
                refused.errors().get(1).toString());
    }

    // --- JWK sets fetched over HTTP (FakeIdp listens on 127.0.0.1 only) ---

    private static String tokenSignedBy(RSAKey key, String issuer) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience("orders-api").subject("alice")
                        .expirationTime(Date.from(NOW.plusSeconds(300))).build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    @Test
    void aJwtIssuerIsBoundFromItsJwksUri() throws Exception {
        try (FakeIdp idp = new FakeIdp()) {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            idp.serveKeys(key);
            AuthSetup setup = bind("""
                      jwt:
                        - id: corp
                          issuer: https://idp.example.com/
                          jwks_uri: %s/jwks.json
                          audiences: [orders-api]
                    """.formatted(idp.base()));
            try {
                Verification verified = setup.jwt().verify(tokenSignedBy(key, "https://idp.example.com/"));
                assertTrue(verified.isAccepted(), verified.reason());
            } finally {
                setup.close();
            }
        }
    }

    @Test
    void aJwtIssuerWithNeitherJwksUriNorJwksFileIsBoundByDiscovery() throws Exception {
        try (FakeIdp idp = new FakeIdp()) {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            String issuer = idp.base() + "/realms/corp";
            idp.serve("/realms/corp" + FakeIdp.DISCOVERY, 200,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + idp.base() + FakeIdp.JWKS + "\"}");
            idp.serveKeys(key);
            AuthSetup setup = bind("""
                      jwt:
                        - id: corp
                          issuer: %s
                          audiences: [orders-api]
                    """.formatted(issuer));
            try {
                Verification verified = setup.jwt().verify(tokenSignedBy(key, issuer));
                assertTrue(verified.isAccepted(), verified.reason());
            } finally {
                setup.close();
            }
        }
    }

    @Test
    void bindingFetchesNothingUntilKeyFetchingStarts() throws Exception {
        try (FakeIdp idp = new FakeIdp()) {
            idp.serveKeys(new RSAKeyGenerator(2048).keyID("k1").generate());
            AuthSetup setup = bind("""
                      jwt:
                        - id: corp
                          issuer: https://idp.example.com/
                          jwks_uri: %s/jwks.json
                          audiences: [orders-api]
                    """.formatted(idp.base()));
            try {
                Thread.sleep(200);
                assertEquals(0, idp.requests(FakeIdp.JWKS), "bound in premain, before the egress gate is installed");
                setup.startKeyFetching();
                for (int i = 0; i < 100 && idp.requests(FakeIdp.JWKS) == 0; i++) {
                    Thread.sleep(50);
                }
                assertEquals(1, idp.requests(FakeIdp.JWKS));
            } finally {
                setup.close();
            }
        }
    }

    @Test
    void anIdpThatIsDownRefusesTokensAtRunTimeNotTheConfig() throws Exception {
        // Port 9 of 127.0.0.1 (discard): nothing listens there.
        AuthSetup setup = bind("""
                  jwt:
                    - id: corp
                      issuer: https://idp.example.com/
                      jwks_uri: http://127.0.0.1:9/jwks.json
                      audiences: [orders-api]
                """);
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            assertEquals("JWK set of issuer corp unavailable",
                    setup.jwt().verify(tokenSignedBy(key, "https://idp.example.com/")).reason());
        } finally {
            setup.close();
        }
    }

    @Test
    void refusesHmacAlgorithmsWithKeysFetchedOverHttp() {
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  jwt:
                    - id: corp
                      issuer: https://idp.example.com/
                      jwks_uri: https://idp.example.com/jwks.json
                      audiences: [orders-api]
                      algorithms: [HS256]
                """));
        assertTrue(refused.errors().get(0).toString().startsWith("primus.yaml:8: auth.jwt[0].algorithms: auth.jwt corp: "
                + "HMAC algorithms verify with a shared secret, which is never fetched over HTTP"),
                refused.errors().get(0).toString());
    }

    @Test
    void refusesJwksUriAndJwksFileTogether() {
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  jwt:
                    - id: corp
                      issuer: https://idp.example.com/
                      jwks_uri: https://idp.example.com/jwks.json
                      jwks_file: /etc/primus/jwks.json
                      audiences: [orders-api]
                """));
        assertEquals("primus.yaml:6: auth.jwt[0].jwks_uri: auth.jwt corp: jwks_uri and jwks_file are both set; keep "
                + "the one the issuer's keys come from", refused.errors().get(0).toString());
    }

    @Test
    void aWebhookRuleMatchedByHandlerIsRefusedWithItsLine() {
        AuthSetup.AuthSetupException refused = assertThrows(AuthSetup.AuthSetupException.class, () -> bind("""
                  webhooks:
                    - id: stripe
                      provider: stripe
                      secret: whsec_x
                  rules:
                    - match: { handler: "com.acme.Hooks#stripe" }
                      require: { webhook: stripe }
                """));
        assertTrue(refused.errors().get(0).toString().startsWith("primus.yaml:8: auth.rules[0]: a webhook rule must match"),
                refused.errors().toString());
    }
}
