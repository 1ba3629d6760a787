package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every token here is minted in the test, with keys generated in the test. */
class JwtVerifierTest {
    private static final String ISSUER = "https://idp.example.com/";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RSAKey rsaKey;
    private static RSAKey otherRsaKey;
    private static ECKey ecKey;
    private static JwtVerifier verifier;

    @BeforeAll
    static void generateKeysAndVerifier() throws Exception {
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        otherRsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        verifier = verifierFor(issuer().build());
    }

    private static JwtIssuer.Builder issuer() {
        return JwtIssuer.builder("corp", ISSUER, new ImmutableJWKSet<>(new JWKSet(List.of(rsaKey.toPublicJWK(), ecKey.toPublicJWK()))))
                .audiences(List.of("orders-api"))
                .algorithms(List.of("RS256", "ES256"))
                .clockSkew(Duration.ofSeconds(60))
                .scopesClaim("scope")
                .tenantClaim("tenant");
    }

    private static JwtVerifier verifierFor(JwtIssuer issuer) {
        return new JwtVerifier(List.of(issuer), CLOCK);
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-17")
                .audience("orders-api")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .notBeforeTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("scope", "orders:read orders:write")
                .claim("tenant", "acme");
    }

    private static JWSHeader.Builder rs256() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(JOSEObjectType.JWT);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rsaToken(JWTClaimsSet claims) throws Exception {
        return sign(rs256().build(), claims, new RSASSASigner(rsaKey));
    }

    /** A token with the given header JSON, the valid claims and the given signature part: for headers nimbus would not build. */
    private static String rawToken(String headerJson, String signature) {
        return Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(validClaims().build().toString().getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static void assertRefused(String token, String reasonStart) {
        Verification result = verifier.verify(token);
        assertEquals(Verification.Outcome.INVALID, result.outcome(), result.toString());
        assertTrue(result.reason().startsWith(reasonStart), "reason: " + result.reason());
    }

    @Test
    void acceptsAnRs256TokenAndReadsSubjectTenantAndScopes() throws Exception {
        Verification result = verifier.verify(rsaToken(validClaims().build()));
        assertTrue(result.isAccepted(), result.toString());
        assertEquals("user-17", result.authenticated().principal());
        assertEquals("acme", result.authenticated().tenant());
        assertEquals(Set.of("orders:read", "orders:write"), result.authenticated().scopes());
        assertEquals("corp", result.authenticated().source());
        assertEquals(CredentialKind.JWT, result.authenticated().kind());
    }

    @Test
    void acceptsAnEs256Token() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), validClaims().build(),
                new ECDSASigner(ecKey));
        assertTrue(verifier.verify(token).isAccepted());
    }

    @Test
    void readsScopesFromAnArray() throws Exception {
        Verification result = verifier.verify(rsaToken(validClaims().claim("scope", List.of("a", "b")).build()));
        assertEquals(Set.of("a", "b"), result.authenticated().scopes());
    }

    @Test
    void readsScopesFromAConfiguredClaim() throws Exception {
        JwtVerifier scp = verifierFor(issuer().scopesClaim("scp").build());
        Verification result = scp.verify(rsaToken(validClaims().claim("scp", List.of("admin")).build()));
        assertEquals(Set.of("admin"), result.authenticated().scopes());
    }

    @Test
    void readsThePrincipalFromAConfiguredClaim() throws Exception {
        JwtVerifier byEmail = verifierFor(issuer().principalClaim("email").build());
        Verification result = byEmail.verify(rsaToken(validClaims().claim("email", "jane@example.com").build()));
        assertEquals("jane@example.com", result.authenticated().principal());
        Verification without = byEmail.verify(rsaToken(validClaims().build()));
        assertEquals(Verification.Outcome.INVALID, without.outcome(), without.toString());
        assertTrue(without.reason().startsWith("claim email is missing or not a string"), without.reason());
        Verification notAString = byEmail.verify(rsaToken(validClaims().claim("email", List.of("a")).build()));
        assertEquals(Verification.Outcome.INVALID, notAString.outcome());
    }

    @Test
    void aTokenWithoutScopesOrTenantHasNone() throws Exception {
        Verification result = verifier.verify(rsaToken(validClaims().claim("scope", null).claim("tenant", null).build()));
        assertTrue(result.authenticated().scopes().isEmpty());
        assertNull(result.authenticated().tenant());
    }

    @Test
    void refusesAScopeClaimOfTheWrongType() throws Exception {
        assertRefused(rsaToken(validClaims().claim("scope", 42).build()), "claim scope is neither");
    }

    @Test
    void refusesATenantClaimOfTheWrongType() throws Exception {
        assertRefused(rsaToken(validClaims().claim("tenant", List.of("a", "b")).build()), "claim tenant is not a string");
    }

    @Test
    void noTokenIsMissing() {
        assertEquals(Verification.Outcome.MISSING, verifier.verify(null).outcome());
    }

    // --- alg none ---

    @Test
    void refusesAnUnsignedToken() {
        assertRefused(new PlainJWT(validClaims().build()).serialize(), "alg none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void refusesAlgNoneInAnyCase(String none) {
        assertRefused(rawToken("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}", ""), "alg none");
    }

    // --- key confusion and the allowlist ---

    @Test
    void refusesHs256SignedWithTheIssuersPublicKey() throws Exception {
        byte[] publicKeyBytes = rsaKey.toRSAPublicKey().getEncoded();
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), validClaims().build(),
                new MACSigner(publicKeyBytes));
        assertRefused(token, "alg HS256 with issuer corp's public keys (key confusion)");
    }

    @Test
    void refusesAnAlgorithmOutsideTheAllowlist() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("rsa-1").build(), validClaims().build(),
                new RSASSASigner(rsaKey));
        assertRefused(token, "alg RS512 is not allowed for issuer corp");
    }

    @Test
    void refusesAnAllowlistMixingHmacWithPublicKeys() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> issuer().algorithms(List.of("RS256", "HS256")).build());
        assertTrue(error.getMessage().startsWith("auth.jwt corp: algorithms mixes HMAC"), error.getMessage());
    }

    @Test
    void refusesNoneInTheAllowlist() {
        assertThrows(IllegalArgumentException.class, () -> issuer().algorithms(List.of("none")).build());
    }

    @Test
    void acceptsHs256ForAnIssuerWithASharedSecret() throws Exception {
        byte[] secret = "a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        JwtVerifier shared = verifierFor(JwtIssuer.builder("svc", ISSUER,
                        new ImmutableJWKSet<>(new JWKSet(new OctetSequenceKey.Builder(secret).build())))
                .audiences(List.of("orders-api")).algorithms(List.of("HS256")).build());
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), validClaims().build(), new MACSigner(secret));
        assertTrue(shared.verify(token).isAccepted(), shared.verify(token).toString());
    }

    // --- keys from the token ---

    @Test
    void refusesAnEmbeddedJwk() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        String token = sign(rs256().jwk(attacker.toPublicJWK()).build(), validClaims().build(), new RSASSASigner(attacker));
        assertRefused(token, "header jwk refused");
    }

    @Test
    void refusesAJkuHeader() throws Exception {
        String token = sign(rs256().jwkURL(URI.create("https://attacker.example/jwks.json")).build(), validClaims().build(),
                new RSASSASigner(rsaKey));
        assertRefused(token, "header jku refused");
    }

    @Test
    void refusesAnX5uHeader() throws Exception {
        String token = sign(rs256().x509CertURL(URI.create("https://attacker.example/cert.pem")).build(), validClaims().build(),
                new RSASSASigner(rsaKey));
        assertRefused(token, "header x5u refused");
    }

    @Test
    void refusesAnX5cHeader() throws Exception {
        String token = sign(rs256().x509CertChain(List.of(Base64.encode("not-a-cert"))).build(), validClaims().build(),
                new RSASSASigner(rsaKey));
        assertRefused(token, "header x5c refused");
    }

    @Test
    void refusesAnUnknownCriticalHeader() throws Exception {
        String token = sign(rs256().criticalParams(Set.of("exp-policy")).customParam("exp-policy", "lax").build(),
                validClaims().build(), new RSASSASigner(rsaKey));
        assertRefused(token, "header crit");
    }

    // --- other token forms ---

    @Test
    void refusesAnEncryptedToken() throws Exception {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                validClaims().build());
        jwe.encrypt(new RSAEncrypter(rsaKey.toRSAPublicKey()));
        assertRefused(jwe.serialize(), "encrypted token (JWE)");
    }

    @Test
    void refusesANestedToken() throws Exception {
        String inner = rsaToken(validClaims().build());
        JWSHeader header = rs256().contentType("JWT").build();
        JWSObject outer = new JWSObject(header, new Payload(inner));
        outer.sign(new RSASSASigner(rsaKey));
        assertRefused(outer.serialize(), "nested token");
    }

    @Test
    void refusesATokenOverTheSizeLimitBeforeParsing() throws Exception {
        String token = rsaToken(validClaims().claim("padding", "x".repeat(9000)).build());
        assertRefused(token, "token longer than 8192");
    }

    @Test
    void refusesClaimsNestedDeeperThanTheLimit() throws Exception {
        Object nested = "leaf";
        for (int i = 0; i < 11; i++) {
            nested = List.of(nested);
        }
        assertRefused(rsaToken(validClaims().claim("deep", nested).build()), "JSON nested deeper than 10");
    }

    @Test
    void acceptsClaimsNestedUpToTheLimit() throws Exception {
        Object nested = "leaf";
        for (int i = 0; i < 9; i++) {
            nested = List.of(nested);
        }
        assertTrue(verifier.verify(rsaToken(validClaims().claim("deep", nested).build())).isAccepted());
    }

    @Test
    void countsDepthIgnoringBracketsInStrings() {
        assertEquals(1, JwtVerifier.depth("{\"a\":\"[[[{{{\\\"]]\"}"));
    }

    // --- typ ---

    @Test
    void acceptsATokenWithoutTyp() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), validClaims().build(),
                new RSASSASigner(rsaKey));
        assertTrue(verifier.verify(token).isAccepted());
    }

    @Test
    void refusesAnAccessTokenTypeUnlessConfigured() throws Exception {
        String token = sign(rs256().type(new JOSEObjectType("at+jwt")).build(), validClaims().build(), new RSASSASigner(rsaKey));
        assertRefused(token, "typ at+jwt is not accepted");
        assertTrue(verifierFor(issuer().tokenType(JwtIssuer.TokenType.AT_JWT).build()).verify(token).isAccepted());
    }

    @Test
    void anAccessTokenIssuerRefusesPlainJwts() throws Exception {
        JwtVerifier accessTokensOnly = verifierFor(issuer().tokenType(JwtIssuer.TokenType.AT_JWT).build());
        assertFalse(accessTokensOnly.verify(rsaToken(validClaims().build())).isAccepted());
    }

    @Test
    void refusesAnUnknownTyp() throws Exception {
        assertRefused(sign(rs256().type(JOSEObjectType.JOSE).build(), validClaims().build(), new RSASSASigner(rsaKey)),
                "typ JOSE is not accepted");
    }

    // --- signature ---

    @Test
    void refusesATokenSignedByAnotherKeyWithTheSameKid() throws Exception {
        assertRefused(sign(rs256().build(), validClaims().build(), new RSASSASigner(otherRsaKey)), "signature does not verify");
    }

    @Test
    void refusesATokenWhosePayloadWasChanged() throws Exception {
        String[] parts = rsaToken(validClaims().build()).split("\\.");
        String forged = Base64URL.encode(validClaims().claim("scope", "admin").build().toString()).toString();
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature does not verify");
    }

    @Test
    void refusesAnUnknownKid() throws Exception {
        assertRefused(sign(rs256().keyID("rsa-9").build(), validClaims().build(), new RSASSASigner(rsaKey)), "no key of issuer corp");
    }

    // --- claims ---

    @Test
    void refusesAnotherIssuerEvenWithAValidSignature() throws Exception {
        assertRefused(rsaToken(validClaims().issuer("https://evil.example.com/").build()), "iss is not a configured issuer");
    }

    @Test
    void issuerMustMatchExactly() throws Exception {
        assertRefused(rsaToken(validClaims().issuer("https://idp.example.com").build()), "iss is not a configured issuer");
    }

    @Test
    void refusesATokenWithoutIssuer() throws Exception {
        assertRefused(rsaToken(validClaims().issuer(null).build()), "no iss claim");
    }

    @Test
    void refusesAnotherAudience() throws Exception {
        assertRefused(rsaToken(validClaims().audience("billing-api").build()), "aud names none");
    }

    @Test
    void acceptsAnAudienceListContainingOurs() throws Exception {
        assertTrue(verifier.verify(rsaToken(validClaims().audience(List.of("billing-api", "orders-api")).build())).isAccepted());
    }

    @Test
    void refusesATokenWithoutAudience() throws Exception {
        assertRefused(rsaToken(validClaims().audience((String) null).build()), "aud names none");
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        assertRefused(rsaToken(validClaims().expirationTime(null).build()), "no exp claim");
    }

    @Test
    void refusesATokenExpiredBeyondTheSkew() throws Exception {
        assertRefused(rsaToken(validClaims().expirationTime(Date.from(NOW.minusSeconds(61))).build()), "token expired");
    }

    @Test
    void acceptsATokenExpiredWithinTheSkew() throws Exception {
        assertTrue(verifier.verify(rsaToken(validClaims().expirationTime(Date.from(NOW.minusSeconds(30))).build())).isAccepted());
    }

    @Test
    void refusesATokenNotValidYet() throws Exception {
        assertRefused(rsaToken(validClaims().notBeforeTime(Date.from(NOW.plusSeconds(61))).build()), "token not valid yet");
    }

    @Test
    void refusesATokenIssuedInTheFuture() throws Exception {
        assertRefused(rsaToken(validClaims().issueTime(Date.from(NOW.plusSeconds(61))).build()), "token issued in the future");
    }

    @Test
    void refusesATokenWithoutSubject() throws Exception {
        assertRefused(rsaToken(validClaims().subject(null).build()), "no sub claim");
    }

    // --- shape ---

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "a.b.c.d.e.f", "e30.e30.", "!!!.e30.abc", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.abc"})
    void refusesMalformedTokens(String token) {
        assertEquals(Verification.Outcome.INVALID, verifier.verify(token).outcome(), token);
    }

    @Test
    void neverThrowsOnMangledTokens() throws Exception {
        String genuine = rsaToken(validClaims().build());
        String alphabet = "ABCDEFabcdef0123456789-_.=+/ {}\"";
        Random random = new Random(1234L);
        for (int i = 0; i < 3_000; i++) {
            char[] chars = genuine.toCharArray();
            int edits = 1 + random.nextInt(4);
            for (int j = 0; j < edits; j++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String mangled = new String(chars);
            Verification result = verifier.verify(mangled.substring(0, random.nextInt(mangled.length() + 1)));
            if (result.isAccepted()) {
                assertTrue(result.authenticated().principal().equals("user-17"), mangled);
            }
        }
    }

    @Test
    void bearerTokenComesFromTheAuthorizationHeader() {
        assertEquals("abc.def.ghi", BearerToken.fromAuthorization("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerToken.fromAuthorization("bearer abc.def.ghi"));
        assertNull(BearerToken.fromAuthorization("Basic dXNlcjpwYXNz"));
        assertNull(BearerToken.fromAuthorization("Bearer "));
        assertNull(BearerToken.fromAuthorization("Bearerabc"));
        assertNull(BearerToken.fromAuthorization(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "Bearer   abc.def.ghi \t", "Bearer \tabc def",
            "Basic dXNlcjpwYXNz", "Bearer ", "Bearer  \t ", "Bearerabc", "Bearer", "", "Bearer x"})
    void theTokenFoundInPlaceIsTheTokenCopiedOut(String authorization) {
        int start = BearerToken.start(authorization);
        String copied = BearerToken.fromAuthorization(authorization);
        assertEquals(copied, start < 0 ? null : authorization.substring(start, BearerToken.end(authorization)));
    }

    @Test
    void aTokenInAnAuthorizationHeaderIsVerifiedAsTheSameTokenAlone() throws Exception {
        JwtVerifier remembering = verifierFor(issuer().build());
        String token = rsaToken(validClaims().build());
        Verification first = remembering.verifyAuthorization("Bearer " + token + " ");
        assertTrue(first.isAccepted(), first.toString());
        assertSame(first, remembering.verify(token), "remembered whichever way it came");
        assertSame(first, remembering.verifyAuthorization("bearer  " + token), "looked up in the header itself");
        assertNull(remembering.verifyAuthorization("Basic " + token), "not presented as a bearer token");
        assertNull(remembering.verifyAuthorization(null));
        assertFalse(remembering.verifyAuthorization("Bearer " + "x".repeat(JwtVerifier.DEFAULT_MAX_TOKEN_CHARS + 1))
                .isAccepted());
    }

    @Test
    void aRememberedTokenIsFoundOnlyByTheWholeTokenNotItsSlot() throws Exception {
        JwtVerifier remembering = verifierFor(issuer().build());
        String token = rsaToken(validClaims().build());
        assertTrue(remembering.verifyAuthorization("Bearer " + token).isAccepted());
        // Same length and same last chars (so the same slot of the table), another header and claims.
        String forged = "X" + token.substring(1);
        Verification refused = remembering.verifyAuthorization("Bearer " + forged);
        assertFalse(refused.isAccepted(), "a token sharing the slot of a remembered one is verified in full");
        assertTrue(remembering.verifyAuthorization("Bearer " + token).isAccepted());
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndNotAfter() throws Exception {
        MovingClock clock = new MovingClock();
        JwtVerifier remembering = new JwtVerifier(List.of(issuer().build()), clock);
        String token = rsaToken(validClaims().build());
        assertTrue(remembering.verify(token).isAccepted());
        Verification again = remembering.verify(token);
        assertTrue(again.isAccepted());
        assertSame(again, remembering.verify(token), "the second time is the remembered verification");
        clock.now = NOW.plusSeconds(300 + 60);
        assertFalse(remembering.verify(token).isAccepted(), "past exp and the clock skew, remembered or not");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterFiveMinutesSoAWithdrawnKeyStopsIt() throws Exception {
        MovingClock clock = new MovingClock();
        java.util.concurrent.atomic.AtomicReference<JWKSet> keys =
                new java.util.concurrent.atomic.AtomicReference<>(new JWKSet(rsaKey.toPublicJWK()));
        JwtIssuer issuer = JwtIssuer.builder("corp", ISSUER, (selector, context) -> selector.select(keys.get()))
                .audiences(List.of("orders-api")).build();
        JwtVerifier remembering = new JwtVerifier(List.of(issuer), clock);
        String token = rsaToken(validClaims().expirationTime(Date.from(NOW.plusSeconds(3600))).build());
        assertTrue(remembering.verify(token).isAccepted());
        keys.set(new JWKSet(otherRsaKey.toPublicJWK()));
        clock.now = NOW.plusSeconds(VerifiedTokens.MAX_AGE_SECONDS - 1);
        assertTrue(remembering.verify(token).isAccepted(), "still remembered");
        clock.now = NOW.plusSeconds(VerifiedTokens.MAX_AGE_SECONDS);
        assertFalse(remembering.verify(token).isAccepted(), "checked again against the keys the IdP serves now");
    }
}
