package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JWK sets fetched from an identity provider on 127.0.0.1. The clock is fixed, so every
 * unknown-kid fetch of a test falls in one 30 s window; refreshes are driven with
 * {@link RemoteJwkSet#refresh}, the path an unknown kid takes, rather than waited for.
 */
class RemoteJwkSetTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);

    private static RSAKey oldKey;
    private static RSAKey newKey;

    private FakeIdp idp;
    private final List<RemoteJwkSet> opened = new ArrayList<>();

    @BeforeAll
    static void generateKeys() throws Exception {
        oldKey = new RSAKeyGenerator(2048).keyID("2024-old").generate();
        newKey = new RSAKeyGenerator(2048).keyID("2025-new").generate();
    }

    @BeforeEach
    void startIdp() throws Exception {
        idp = new FakeIdp();
    }

    @AfterEach
    void stopAll() {
        opened.forEach(RemoteJwkSet::close);
        idp.close();
    }

    private String issuer() {
        return idp.base() + "/";
    }

    private RemoteJwkSet keysFromJwksUri() throws Exception {
        return track(RemoteJwkSet.at("corp", new URL(idp.base() + FakeIdp.JWKS), CLOCK));
    }

    private RemoteJwkSet track(RemoteJwkSet keys) {
        opened.add(keys);
        return keys;
    }

    private JwtVerifier verifier(RemoteJwkSet keys) {
        return new JwtVerifier(List.of(JwtIssuer.builder("corp", issuer(), keys).audiences(List.of("orders-api")).build()),
                CLOCK);
    }

    private String token(RSAKey key) throws Exception {
        return token(key, key.getKeyID());
    }

    private String token(RSAKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(issuer()).audience("orders-api").subject("alice")
                        .expirationTime(Date.from(NOW.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void assertAccepted(Verification result) {
        assertTrue(result.isAccepted(), result.toString());
    }

    private static void assertRefused(Verification result, String reasonStart) {
        assertEquals(Verification.Outcome.INVALID, result.outcome(), result.toString());
        assertTrue(result.reason().startsWith(reasonStart), "reason: " + result.reason());
    }

    /** Keys fetched, then the IdP changed as {@code change} says, then a refresh tried. */
    private JwtVerifier verifierWithKeysThen(Runnable change, RemoteJwkSet keys) throws Exception {
        idp.serveKeys(oldKey);
        JwtVerifier verifier = verifier(keys);
        assertAccepted(verifier.verify(token(oldKey)));
        change.run();
        keys.refresh(LONG_ENOUGH);
        return verifier;
    }

    // --- where the keys come from ---

    @Test
    void verifiesATokenWithKeysFromTheJwksUri() throws Exception {
        idp.serveKeys(oldKey);
        Verification result = verifier(keysFromJwksUri()).verify(token(oldKey));
        assertAccepted(result);
        assertEquals("alice", result.authenticated().principal());
    }

    @Test
    void discoversTheJwksUriFromTheIssuersOpenIdConfiguration() throws Exception {
        idp.serveDiscovery(issuer());
        idp.serveKeys(oldKey);
        RemoteJwkSet keys = track(RemoteJwkSet.discovered("corp", issuer(), CLOCK));
        assertAccepted(verifier(keys).verify(token(oldKey)));
        assertEquals(1, idp.requests(FakeIdp.DISCOVERY), "the trailing slash of the issuer is not doubled");
    }

    @Test
    void refusesADiscoveryDocumentNamingAnotherIssuer() throws Exception {
        idp.serveDiscovery("https://other-tenant.example.com/");
        idp.serveKeys(oldKey);
        RemoteJwkSet keys = track(RemoteJwkSet.discovered("corp", issuer(), CLOCK));
        assertRefused(verifier(keys).verify(token(oldKey)), "JWK set of issuer corp unavailable");
        assertEquals(0, idp.requests(FakeIdp.JWKS), "the keys it names are never fetched");
        assertTrue(keys.failure().contains("names issuer https://other-tenant.example.com/, not " + issuer()),
                keys.failure());
    }

    // --- start-up ---

    @Test
    void startReturnsBeforeTheFirstFetchIsAnswered() throws Exception {
        idp.serve(FakeIdp.JWKS, new FakeIdp.Response(200, new JWKSet(oldKey.toPublicJWK()).toString(), Map.of(),
                Duration.ofMillis(1500)));
        RemoteJwkSet keys = keysFromJwksUri();
        long started = System.nanoTime();
        keys.start();
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 500, "start waited for the network");
    }

    @Test
    void aTokenArrivingBeforeTheFirstFetchIsAnsweredWaitsForIt() throws Exception {
        idp.serve(FakeIdp.JWKS, new FakeIdp.Response(200, new JWKSet(oldKey.toPublicJWK()).toString(), Map.of(),
                Duration.ofMillis(300)));
        RemoteJwkSet keys = keysFromJwksUri();
        keys.start();
        assertAccepted(verifier(keys).verify(token(oldKey)));
        assertEquals(1, idp.requests(FakeIdp.JWKS), "the token waited for the start-up fetch, it did not ask for another");
    }

    @Test
    void aTokenWaitsAtMostTwoSecondsForAnIdpThatDoesNotAnswer() throws Exception {
        idp.serve(FakeIdp.JWKS, new FakeIdp.Response(200, new JWKSet(oldKey.toPublicJWK()).toString(), Map.of(),
                Duration.ofSeconds(30)));
        JwtVerifier verifier = verifier(keysFromJwksUri());
        long started = System.nanoTime();
        assertRefused(verifier.verify(token(oldKey)), "JWK set of issuer corp unavailable");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 1900 && waited < 3500, "waited " + waited + " ms");
    }

    // --- rotation and unknown kids ---

    @Test
    void aRotatedKeyVerifiesAfterTheUnknownKidFetch() throws Exception {
        idp.serveKeys(oldKey);
        JwtVerifier verifier = verifier(keysFromJwksUri());
        assertAccepted(verifier.verify(token(oldKey)));
        idp.serveKeys(newKey);
        assertAccepted(verifier.verify(token(newKey)));
        assertEquals(2, idp.requests(FakeIdp.JWKS));
    }

    @Test
    void unknownKidsFetchTheKeysAtMostThreeTimesIn30Seconds() throws Exception {
        idp.serveKeys(oldKey);
        JwtVerifier verifier = verifier(keysFromJwksUri());
        assertAccepted(verifier.verify(token(oldKey)));
        for (int i = 0; i < 10; i++) {
            assertRefused(verifier.verify(token(newKey, UUID.randomUUID().toString())), "no key of issuer corp");
        }
        assertEquals(1 + 3, idp.requests(FakeIdp.JWKS));
    }

    @Test
    void aKeyPublishedForEncryptionDoesNotVerifySignatures() throws Exception {
        idp.serve(FakeIdp.JWKS, 200, new JWKSet(new RSAKey.Builder(oldKey.toRSAPublicKey()).keyID(oldKey.getKeyID())
                .keyUse(KeyUse.ENCRYPTION).build()).toString());
        assertRefused(verifier(keysFromJwksUri()).verify(token(oldKey)), "no key of issuer corp");
    }

    // --- outages keep the old keys ---

    @Test
    void oldKeysStillVerifyWhileTheIdpAnswers500() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        JwtVerifier verifier = verifierWithKeysThen(() -> idp.serve(FakeIdp.JWKS, 500, "upstream down"), keys);
        assertEquals(idp.base() + FakeIdp.JWKS + ": HTTP 500", keys.failure());
        assertAccepted(verifier.verify(token(oldKey)));
    }

    @Test
    void oldKeysStillVerifyWhileTheIdpIsDown() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        JwtVerifier verifier = verifierWithKeysThen(idp::close, keys);
        assertNotNull(keys.failure(), "the fetch failed");
        assertAccepted(verifier.verify(token(oldKey)));
    }

    @Test
    void anOversizedResponseKeepsTheOldKeys() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        String huge = "{\"keys\":[],\"padding\":\"" + "x".repeat(IdpDocumentFetcher.MAX_BYTES) + "\"}";
        JwtVerifier verifier = verifierWithKeysThen(() -> idp.serve(FakeIdp.JWKS, 200, huge), keys);
        assertTrue(keys.failure().endsWith("larger than 524288 bytes"), keys.failure());
        assertAccepted(verifier.verify(token(oldKey)));
    }

    @Test
    void aResponseThatIsNotAJwkSetKeepsTheOldKeys() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        JwtVerifier verifier = verifierWithKeysThen(() -> idp.serve(FakeIdp.JWKS, 200, "<html>maintenance</html>"), keys);
        assertTrue(keys.failure().contains(": not a JWK set: "), keys.failure());
        assertAccepted(verifier.verify(token(oldKey)));
    }

    @Test
    void anEmptyJwkSetKeepsTheOldKeys() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        JwtVerifier verifier = verifierWithKeysThen(() -> idp.serve(FakeIdp.JWKS, 200, "{\"keys\":[]}"), keys);
        assertTrue(keys.failure().endsWith("holds no public key"), keys.failure());
        assertAccepted(verifier.verify(token(oldKey)));
    }

    @Test
    void aFetchThatSucceedsAgainEndsTheOutage() throws Exception {
        RemoteJwkSet keys = keysFromJwksUri();
        verifierWithKeysThen(() -> idp.serve(FakeIdp.JWKS, 500, "upstream down"), keys);
        idp.serveKeys(oldKey);
        keys.refresh(LONG_ENOUGH);
        assertNull(keys.failure());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        idp.serveKeys(oldKey);
        idp.serve("/moved.json", new FakeIdp.Response(302, "", Map.of("Location", idp.base() + FakeIdp.JWKS),
                Duration.ZERO));
        RemoteJwkSet keys = track(RemoteJwkSet.at("corp", new URL(idp.base() + "/moved.json"), CLOCK));
        assertRefused(verifier(keys).verify(token(oldKey)), "JWK set of issuer corp unavailable");
        assertTrue(keys.failure().endsWith("HTTP 302 (redirects are not followed)"), keys.failure());
    }

    // --- the thread ---

    @Test
    void fetchesOnADaemonThreadThatStopsWithTheLastSet() throws Exception {
        idp.serveKeys(oldKey);
        RemoteJwkSet keys = keysFromJwksUri();
        keys.refresh(LONG_ENOUGH);
        Thread fetcher = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("primus-jwks")).findFirst().orElseThrow();
        assertTrue(fetcher.isDaemon());
        keys.close();
        fetcher.join(LONG_ENOUGH.toMillis());
        assertFalse(fetcher.isAlive());
    }

    // --- the parts ---

    @Test
    void holdsOnlyThePublicPartsOfAPublishedKey() throws Exception {
        JWKSet parsed = RemoteJwkSet.parse(new JWKSet(oldKey).toString(false));
        assertFalse(parsed.getKeys().get(0).isPrivate());
    }

    @Test
    void refreshesEveryMaxAgeHeldBetweenAMinuteAndAnHour() {
        assertEquals(Duration.ofMinutes(5), RemoteJwkSet.refreshAfter(-1), "no max-age");
        assertEquals(Duration.ofMinutes(1), RemoteJwkSet.refreshAfter(0));
        assertEquals(Duration.ofSeconds(900), RemoteJwkSet.refreshAfter(900));
        assertEquals(Duration.ofHours(1), RemoteJwkSet.refreshAfter(604_800));
    }

    @Test
    void readsMaxAgeFromCacheControl() {
        assertEquals(900, IdpDocumentFetcher.maxAgeSeconds("public, max-age=900, must-revalidate"));
        assertEquals(60, IdpDocumentFetcher.maxAgeSeconds("Max-Age=\"60\""));
        assertEquals(-1, IdpDocumentFetcher.maxAgeSeconds("no-cache"));
        assertEquals(-1, IdpDocumentFetcher.maxAgeSeconds("max-age=soon"));
        assertEquals(-1, IdpDocumentFetcher.maxAgeSeconds(null));
    }

    @Test
    void retriesAfter10SecondsDoublingUpToTheRefreshInterval() {
        assertEquals(Duration.ofSeconds(10), RemoteJwkSet.retryAfter(1));
        assertEquals(Duration.ofSeconds(20), RemoteJwkSet.retryAfter(2));
        assertEquals(Duration.ofSeconds(160), RemoteJwkSet.retryAfter(5));
        assertEquals(Duration.ofMinutes(5), RemoteJwkSet.retryAfter(6));
        assertEquals(Duration.ofMinutes(5), RemoteJwkSet.retryAfter(1000));
    }

    @Test
    void fetchesOverHttpsOrPlainHttpToLoopbackOnly() throws Exception {
        assertNull(IdpDocumentFetcher.refusal(new URL("https://idp.example.com/jwks")));
        assertNull(IdpDocumentFetcher.refusal(new URL("http://127.0.0.1:8080/jwks")));
        assertNull(IdpDocumentFetcher.refusal(new URL("http://[::1]:8080/jwks")));
        assertNull(IdpDocumentFetcher.refusal(new URL("http://localhost/jwks")));
        assertTrue(IdpDocumentFetcher.refusal(new URL("http://idp.example.com/jwks")).startsWith("plain http to idp.example.com"));
        assertTrue(IdpDocumentFetcher.refusal(new URL("http://127.evil.example/jwks")).startsWith("plain http"));
        assertTrue(IdpDocumentFetcher.refusal(new URL("file:/etc/jwks.json")).startsWith("scheme file is refused"));
    }
}
