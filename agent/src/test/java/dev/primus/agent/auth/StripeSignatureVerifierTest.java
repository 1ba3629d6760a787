package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSignatureVerifierTest {
    private static final String SECRET = "whsec_test_3kR9vXq2LmN8pQ4sT6wY1zA5";
    private static final String OLD_SECRET = "whsec_test_old_7hG2fD9sA1kL3mN5";
    private static final long NOW = 1_700_000_000L;
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"amount\":2000}"
            .getBytes(StandardCharsets.UTF_8);

    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier("stripe", SECRET,
            Duration.ofSeconds(300), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    /** What Stripe computes: HMAC-SHA256 keyed by the whole whsec_ string, over "t.body". */
    static String stripeSignature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A delivery whose only header is Stripe-Signature (absent when null). */
    private Verification verify(String signatureHeader, byte[] body) {
        return verifier.verify(name -> name.equalsIgnoreCase("Stripe-Signature") ? signatureHeader : null, body);
    }

    private static String header(long timestamp, String... v1) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String signature : v1) {
            header.append(",v1=").append(signature);
        }
        return header.toString();
    }

    @Test
    void acceptsAGenuineDelivery() {
        Verification result = verify(header(NOW, stripeSignature(SECRET, NOW, BODY)), BODY);
        assertTrue(result.isAccepted(), result.toString());
        assertEquals("stripe", result.authenticated().principal());
        assertEquals(CredentialKind.WEBHOOK, result.authenticated().kind());
    }

    @Test
    void readsTheStripeSignatureHeaderInAnyCase() {
        RequestHeaders headers = RequestHeaders.of(Map.of("stripe-signature", header(NOW, stripeSignature(SECRET, NOW, BODY))));
        assertTrue(verifier.verify(headers, BODY).isAccepted());
    }

    @Test
    void acceptsTheHeaderStripeSendsWithAV0Signature() {
        String signature = stripeSignature(SECRET, NOW, BODY);
        assertTrue(verify("t=" + NOW + ",v1=" + signature + ",v0=" + "ab".repeat(32), BODY).isAccepted());
    }

    @Test
    void rejectsABodyWithOneChangedByte() {
        String signature = stripeSignature(SECRET, NOW, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] = '9';
        Verification result = verify(header(NOW, signature), tampered);
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertEquals("signature mismatch", result.reason());
    }

    @Test
    void rejectsAChangedTimestampUnderTheSameSignature() {
        String signature = stripeSignature(SECRET, NOW - 600, BODY);
        assertEquals("signature mismatch", verify(header(NOW, signature), BODY).reason());
    }

    @Test
    void rejectsAGenuineDeliveryReplayedAfterTheTolerance() {
        long captured = NOW - 301;
        Verification result = verify(header(captured, stripeSignature(SECRET, captured, BODY)), BODY);
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertTrue(result.reason().startsWith("timestamp older than the tolerance"), result.reason());
    }

    @Test
    void acceptsATimestampAtTheEdgeOfTheTolerance() {
        long edge = NOW - 300;
        assertTrue(verify(header(edge, stripeSignature(SECRET, edge, BODY)), BODY).isAccepted());
    }

    @Test
    void rejectsATimestampTooFarInTheFuture() {
        long future = NOW + 301;
        Verification result = verify(header(future, stripeSignature(SECRET, future, BODY)), BODY);
        assertTrue(result.reason().startsWith("timestamp further in the future"), result.reason());
    }

    @Test
    void acceptsASmallClockSkewIntoTheFuture() {
        long ahead = NOW + 30;
        assertTrue(verify(header(ahead, stripeSignature(SECRET, ahead, BODY)), BODY).isAccepted());
    }

    @Test
    void anyV1MayMatchDuringASecretRoll() {
        String oldSigned = stripeSignature(OLD_SECRET, NOW, BODY);
        String newSigned = stripeSignature(SECRET, NOW, BODY);
        assertTrue(verify(header(NOW, oldSigned, newSigned), BODY).isAccepted());
        assertTrue(verify(header(NOW, newSigned, oldSigned), BODY).isAccepted());
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertEquals("signature mismatch", verify(header(NOW, stripeSignature(OLD_SECRET, NOW, BODY)), BODY).reason());
    }

    @Test
    void theWhsecPrefixIsPartOfTheKey() {
        String withoutPrefix = stripeSignature(SECRET.substring("whsec_".length()), NOW, BODY);
        assertEquals("signature mismatch", verify(header(NOW, withoutPrefix), BODY).reason());
    }

    @Test
    void upperCaseHexSignatureStillMatches() {
        assertTrue(verify(header(NOW, stripeSignature(SECRET, NOW, BODY).toUpperCase()), BODY).isAccepted());
    }

    @Test
    void aV0SignatureAloneIsNotEnough() {
        String signature = stripeSignature(SECRET, NOW, BODY);
        assertEquals("no v1 signature in Stripe-Signature header", verify("t=" + NOW + ",v0=" + signature, BODY).reason());
    }

    @Test
    void noHeaderIsMissing() {
        assertEquals(Verification.Outcome.MISSING, verify(null, BODY).outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "t=1700000000", "v1=abc", "t=,v1=abc", "t=17e8,v1=abc", "t=-1,v1=abc",
            "t=1700000000,t=1700000000,v1=abc", "t=1700000000,,v1=abc", "t=1700000000,v1=abc,",
            "=1,v1=abc", "t=1700000000000000000000,v1=abc", "t=0x65,v1=abc"})
    void rejectsMalformedHeaders(String header) {
        Verification result = verify(header, BODY);
        assertEquals(Verification.Outcome.INVALID, result.outcome(), header);
    }

    @Test
    void rejectsAnOverlongHeaderBeforeAnyWork() {
        String signature = stripeSignature(SECRET, NOW, BODY);
        String header = header(NOW, signature) + ",v0=" + "a".repeat(5000);
        assertTrue(verify(header, BODY).reason().contains("longer than"));
    }

    @Test
    void rejectsMoreSignaturesThanASecretRollNeeds() {
        String signature = stripeSignature(SECRET, NOW, BODY);
        String[] many = new String[9];
        Arrays.fill(many, signature);
        assertTrue(verify(header(NOW, many), BODY).reason().contains("more than"));
    }

    @Test
    void aZeroToleranceIsAConfigError() {
        assertThrows(IllegalArgumentException.class,
                () -> new StripeSignatureVerifier("stripe", SECRET, Duration.ZERO, Clock.systemUTC()));
    }
}
