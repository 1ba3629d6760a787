package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String KEY = "pk_partner_a";
    private static final String STRIPE_SECRET = "whsec_unit";

    private static RSAKey idpKey;
    private static RequestAuthenticator authenticator;

    @BeforeAll
    static void bind(@TempDir Path dir) throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("k1").generate();
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
                  webhooks:
                    - id: stripe
                      provider: stripe
                      secret: ${env:STRIPE}
                  rate_limits:
                    - id: per-tenant
                      key: tenant
                      capacity: 2
                      refill_per_second: 0
                    - id: down
                      key: client_ip
                      capacity: 1
                      refill_per_second: 0
                      backend: redis
                      redis_url: redis://127.0.0.1:1
                  rules:
                    - match: { path: /health }
                      require: public
                    - match: { path: "/metered/**" }
                      require: { any_of: [api_key] }
                      rate_limit: per-tenant
                    - match: { path: /open }
                      require: public
                      rate_limit: per-tenant
                    - match: { path: /redis-down }
                      require: public
                      rate_limit: down
                    - match: { path: /closed/** }
                      require: deny
                    - match: { path: "/api/admin/**" }
                      require: { any_of: [jwt], scopes: [admin] }
                    - match: { path: "/api/**" }
                      require: { any_of: [jwt, api_key], scopes: [orders:read] }
                    - match: { path: /hooks/stripe, methods: [POST] }
                      require: { webhook: stripe }
                    - match: { path: /files/public }
                      require: public
                    - match: { path: "/files/*" }
                      require: { any_of: [api_key], scopes: [orders:read] }
                """.formatted(jwks, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8))));
        LoadResult result = new ConfigLoader(name -> "STRIPE".equals(name) ? STRIPE_SECRET : null)
                .load("primus.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        authenticator = new RequestAuthenticator(AuthSetup.bind(result.config().auth(), "primus.yaml", CLOCK), "orders");
    }

    /** A request from plain values; records whether the body was asked for. */
    private static final class Request implements AuthRequest {
        final String method;
        final String path;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final byte[] body;
        boolean bodyRead;

        Request(String method, String path, byte[] body, String... headers) {
            this.method = method;
            this.path = path;
            this.body = body;
            for (int i = 0; i < headers.length; i += 2) {
                this.headers.put(headers[i], headers[i + 1]);
            }
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String rawPath() {
            return path;
        }

        @Override
        public String get(String name) {
            return headers.get(name);
        }

        @Override
        public String clientIp() {
            return "192.0.2.7";
        }

        @Override
        public byte[] body() {
            bodyRead = true;
            return body;
        }
    }

    private static AuthDecision decide(String method, String path, String... headers) {
        return authenticator.decide(new Request(method, path, null, headers));
    }

    private static String token(String subject, String scope) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("https://idp.test/").audience("orders").subject(subject)
                        .claim("tenant", "globex").claim("scope", scope)
                        .expirationTime(Date.from(NOW.plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(idpKey));
        return "Bearer " + jwt.serialize();
    }

    private static String stripeSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + NOW.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /**
     * A literal segment compared ignoring case would take {@code /files/PUBLIC} to the public rule,
     * while a case-sensitive router (Spring's default) runs the {@code /files/{name}} handler that
     * {@code /files/*} protects: the request is held to both rules.
     */
    @Test
    void aPathInAnotherCaseMeetsTheRuleItsExactCaseMeetsToo() {
        assertTrue(decide("GET", "/files/public").isAllowed());
        assertEquals(401, decide("GET", "/files/PUBLIC").refusal().status());
        assertTrue(decide("GET", "/files/PUBLIC", "X-API-Key", KEY).isAllowed());
        // A deny stays a deny in any case: /CLOSED/x meets the deny rule ignoring case. And where no
        // rule names the exact case, auth.default does: under deny, /HEALTH is refused though /health is public.
        assertEquals(403, decide("GET", "/CLOSED/x").refusal().status());
        assertEquals(403, decide("GET", "/HEALTH").refusal().status());
    }

    @Test
    void aPublicRouteIsAllowedWithNobodyProved() {
        AuthDecision decision = decide("GET", "/health");
        assertTrue(decision.isAllowed());
        assertNull(decision.authenticated());
        assertEquals("auth.rules[0]", decision.rule());
    }

    @Test
    void aRateLimitedRuleAnswers429OnceTheTenantsBucketIsEmpty() {
        assertTrue(decide("GET", "/metered/a", "X-API-Key", KEY).isAllowed());
        assertTrue(decide("GET", "/metered/b", "X-API-Key", KEY).isAllowed());
        AuthDecision third = decide("GET", "/metered/c", "X-API-Key", KEY);
        assertEquals(429, third.refusal().status());
        assertEquals(AuthDecision.Kind.RATE_LIMIT, third.kind());
        assertEquals("acme", third.authenticated().tenant(), "the refusal says whose bucket it was");
        assertTrue(Long.parseLong(third.refusal().header("Retry-After")) >= 1);
    }

    @Test
    void aPublicRateLimitedRuleCountsCallersByAddress() {
        assertTrue(decide("GET", "/open").isAllowed());
        assertTrue(decide("GET", "/open").isAllowed());
        assertEquals(429, decide("GET", "/open").refusal().status(), "the same client address, a bucket of 2");
    }

    @Test
    void aRateLimitWhoseRedisIsDownLetsRequestsThroughAndSaysWhy() {
        for (int i = 0; i < 3; i++) {
            AuthDecision decision = decide("GET", "/redis-down");
            assertTrue(decision.isAllowed(), "a rate limit protects capacity: its outage is not the service's");
            assertTrue(decision.rateLimitError().startsWith("down: "), decision.rateLimitError());
        }
    }

    @Test
    void aPathContainersReadDifferentlyIsABadRequestBeforeAnyRule() {
        AuthDecision decision = decide("GET", "/api/%2F..%2Fadmin");
        assertEquals(400, decision.refusal().status());
        assertEquals(RequestAuthenticator.PATH_RULE, decision.rule());
    }

    @Test
    void aPathTrickIsJudgedAsThePathItLeadsTo() throws Exception {
        AuthDecision decision = decide("GET", "/health/..;/api/admin/users", "Authorization", token("bob", "orders:read"));
        assertEquals(403, decision.refusal().status(), decision.toString());
        assertEquals("auth.rules[5]", decision.rule(), "judged by the rule of /api/admin/**");
    }

    @Test
    void everyRequestAPublicRuleLetsThroughSharesOneDecision() {
        AuthDecision first = decide("GET", "/health");
        assertSame(first, decide("GET", "/health"));
        assertSame(first, decide("HEAD", "/health/"));
        assertEquals("public", first.reason());
    }

    @Test
    void aVerifiedCallerGetsTheSameDecisionAgainUnderEachRule() throws Exception {
        String admin = token("carol", "orders:read admin");
        AuthDecision orders = decide("GET", "/api/orders/1", "Authorization", admin);
        AuthDecision adminArea = decide("GET", "/api/admin/users", "Authorization", admin);
        assertEquals("auth.rules[6]", orders.rule());
        assertEquals("auth.rules[5]", adminArea.rule());
        for (int i = 0; i < 3; i++) {
            assertSame(orders, decide("GET", "/api/orders/" + i, "Authorization", admin));
            assertSame(adminArea, decide("GET", "/api/admin/users", "Authorization", admin));
        }
        assertEquals("carol", orders.authenticated().principal());
        assertEquals("verified jwt", orders.reason());
        AuthDecision key = decide("GET", "/api/orders/1", "X-API-Key", KEY);
        assertSame(key, decide("GET", "/api/orders/2", "X-API-Key", KEY));
        assertEquals("verified api_key", key.reason());
        assertEquals("partner-a", key.authenticated().principal());
    }

    @Test
    void noCredentialIsChallengedWithoutAnErrorCode() {
        AuthDecision decision = decide("GET", "/api/orders");
        assertEquals(401, decision.refusal().status());
        assertEquals("Bearer realm=\"orders\"", decision.refusal().header("WWW-Authenticate"));
        assertEquals(AuthDecision.Kind.AUTH, decision.kind());
        assertTrue(decision.reason().contains("Authorization: Bearer") && decision.reason().contains("X-API-Key"),
                decision.reason());
    }

    @Test
    void aValidApiKeyIsAllowedAsItsKeyAndTenant() {
        AuthDecision decision = decide("GET", "/api/orders", "x-api-key", KEY);
        assertTrue(decision.isAllowed(), decision.toString());
        assertEquals("partner-a", decision.authenticated().principal());
        assertEquals("acme", decision.authenticated().tenant());
    }

    @Test
    void aForgedTokenBesideAGoodKeyIsRefused() throws Exception {
        String forged = token("bob", "orders:read").replaceFirst(".{4}$", "AAAA");
        AuthDecision decision = decide("GET", "/api/orders", "X-API-Key", KEY, "Authorization", forged);
        assertEquals(401, decision.refusal().status());
        assertTrue(decision.refusal().header("WWW-Authenticate").contains("error=\"invalid_token\""));
        assertTrue(decision.reason().startsWith("jwt: "), decision.reason());
    }

    /**
     * A POST whose header asks the app to run another method's handler (JAX-RS's override filter) is
     * held to that method's rule too: /hooks/stripe is a POST webhook, and no rule allows a DELETE.
     */
    @Test
    void aPostThatNamesAnotherMethodIsHeldToThatMethodsRuleToo() {
        AuthDecision overridden = decide("POST", "/hooks/stripe", "X-HTTP-Method-Override", "DELETE");
        assertEquals(403, overridden.refusal().status(), "no rule allows a DELETE of /hooks/stripe");
        assertEquals(AuthRules.DEFAULT_ID, overridden.rule());
        assertTrue(decide("POST", "/health", "X-HTTP-Method", "DELETE").isAllowed(), "/health names no method");
        assertEquals(400, decide("POST", "/hooks/stripe", "X-Method-Override", "post").refusal().status(),
                "a POST naming POST is judged as one: the webhook's missing signature");
    }

    /** A client or proxy that always sends the header, empty: it presents no key, and the token beside it decides. */
    @Test
    void anEmptyKeyHeaderPresentsNoKey() throws Exception {
        AuthDecision decision = decide("GET", "/api/orders", "X-API-Key", " ", "Authorization", token("bob", "orders:read"));
        assertTrue(decision.isAllowed(), decision.toString());
        assertEquals(401, decide("GET", "/api/orders", "X-API-Key", "").refusal().status());
    }

    @Test
    void aValidTokenWithoutTheRequiredScopeIsForbiddenAndSaysWho() throws Exception {
        AuthDecision decision = decide("GET", "/api/admin/users", "Authorization", token("bob", "orders:read"));
        assertEquals(403, decision.refusal().status());
        assertEquals(AuthDecision.Kind.AUTHZ, decision.kind());
        assertEquals("bob", decision.authenticated().principal());
        assertTrue(decision.refusal().header("WWW-Authenticate").contains("scope=\"admin\""));
    }

    @Test
    void aTokenWithEveryScopeIsAllowed() throws Exception {
        AuthDecision decision = decide("GET", "/api/admin/users", "Authorization", token("alice", "orders:read admin"));
        assertTrue(decision.isAllowed(), decision.toString());
        assertEquals("globex", decision.authenticated().tenant());
    }

    @Test
    void anApiKeyIsNotACredentialARuleDoesNotAccept() {
        AuthDecision decision = decide("GET", "/api/admin/users", "X-API-Key", KEY);
        assertEquals(401, decision.refusal().status(), "admin routes take only tokens");
    }

    @Test
    void aDenyRuleAndTheDenyDefaultAreForbidden() {
        AuthDecision closed = decide("GET", "/closed/x");
        assertEquals(403, closed.refusal().status());
        assertEquals(closed.rule() + " denies every request", closed.reason());
        AuthDecision unmatched = decide("GET", "/elsewhere");
        assertEquals(403, unmatched.refusal().status());
        assertEquals(AuthRules.DEFAULT_ID, unmatched.rule());
        assertEquals("no auth rule matches GET /elsewhere; auth.default: deny refuses it", unmatched.reason(),
                "the reason names the setting that decided");
        AuthDecision withEmail = decide("GET", "/users/jane.doe@example.com/export");
        assertEquals("no auth rule matches GET /users/[EMAIL]/export; auth.default: deny refuses it", withEmail.reason(),
                "the path is masked as the event's route is");
    }

    @Test
    void aSignedWebhookIsAllowedAndItsBodyIsRead() throws Exception {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        Request request = new Request("POST", "/hooks/stripe", body, "Stripe-Signature", stripeSignature(body));
        AuthDecision decision = authenticator.decide(request);
        assertTrue(decision.isAllowed(), decision.toString());
        assertEquals(AuthDecision.Kind.WEBHOOK, decision.kind());
        assertTrue(request.bodyRead);
    }

    @Test
    void aWebhookWithoutASignatureIsABadRequestAndItsBodyIsNeverRead() {
        Request request = new Request("POST", "/hooks/stripe", new byte[] {1});
        AuthDecision decision = authenticator.decide(request);
        assertEquals(400, decision.refusal().status());
        assertFalse(request.bodyRead, "nothing to verify: the body stays the app's");
    }

    @Test
    void aWebhookWhoseBodyWasTooLargeToReadIsRefused() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Request request = new Request("POST", "/hooks/stripe", null, "Stripe-Signature", stripeSignature(body));
        AuthDecision decision = authenticator.decide(request);
        assertEquals(400, decision.refusal().status());
        assertTrue(decision.reason().contains("max_body_bytes"), decision.reason());
    }
}
