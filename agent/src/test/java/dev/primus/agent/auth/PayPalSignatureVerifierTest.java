package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayPalSignatureVerifierTest {
    private static final PayPalTestCertificates CERTS = PayPalTestCertificates.get();
    private static final Instant NOW = PayPalTestCertificates.NOW;
    private static final String WEBHOOK_ID = "1JE4291016473214C";
    private static final String CERT_URL = "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";
    private static final String SANDBOX_CERT_URL = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";
    private static final byte[] BODY = "{\"id\":\"WH-2WR32451HC0233532-67976317FL4543714\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** What the URLs serve; anything else is a 404. */
    private final Map<String, byte[]> served = new HashMap<>(Map.of(CERT_URL, CERTS.leaf));
    private final List<URL> fetched = new ArrayList<>();
    private final PayPalSignatureVerifier verifier = new PayPalSignatureVerifier("paypal", WEBHOOK_ID, List.of(CERTS.ca),
            Duration.ofSeconds(300), this::serve, Clock.fixed(NOW, ZoneOffset.UTC));

    private byte[] serve(URL url) throws IOException {
        fetched.add(url);
        byte[] file = served.get(url.toString());
        if (file == null) {
            throw new IOException("HTTP 404");
        }
        return file;
    }

    /** The text PayPal signs. */
    private static String signedText(String transmissionId, String time, String webhookId, byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        return transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
    }

    private static String sign(String algorithm, PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The headers of a delivery PayPal signed for {@link #WEBHOOK_ID}, sent at {@code time}, its certificate at {@code certUrl}. */
    private static Map<String, String> delivery(String transmissionId, String time, String certUrl, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("PAYPAL-TRANSMISSION-ID", transmissionId);
        headers.put("PAYPAL-TRANSMISSION-TIME", time);
        headers.put("PAYPAL-CERT-URL", certUrl);
        headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
        headers.put("PAYPAL-TRANSMISSION-SIG",
                sign("SHA256withRSA", CERTS.leafKey, signedText(transmissionId, time, WEBHOOK_ID, body)));
        return headers;
    }

    private static Map<String, String> delivery(String transmissionId) {
        return delivery(transmissionId, NOW.toString(), CERT_URL, BODY);
    }

    private Verification verify(Map<String, String> headers, byte[] body) {
        return verifier.verify(RequestHeaders.of(headers), body);
    }

    @Test
    void acceptsAGenuineDelivery() {
        Verification result = verify(delivery("69cd13f0-d67a-11e5-baa3-778b53f4ae55"), BODY);
        assertTrue(result.isAccepted(), result.toString());
        assertEquals("paypal", result.authenticated().principal());
        assertEquals(CredentialKind.WEBHOOK, result.authenticated().kind());
        assertEquals(List.of(CERT_URL), fetched.stream().map(URL::toString).toList());
    }

    @Test
    void signsWithTheSignatureHeader() {
        assertEquals("PAYPAL-TRANSMISSION-SIG", verifier.header());
    }

    @Test
    void readsPayPalsHeadersInAnyCase() {
        Map<String, String> lowerCase = new HashMap<>();
        delivery("id-lower").forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));
        assertTrue(verify(lowerCase, BODY).isAccepted());
    }

    @Test
    void rejectsABodyWithOneChangedByte() {
        byte[] tampered = BODY.clone();
        tampered[10] = 'X';
        Verification result = verify(delivery("id-1"), tampered);
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertEquals("signature mismatch", result.reason());
    }

    @Test
    void rejectsADeliverySignedForAnotherWebhook() {
        Map<String, String> headers = delivery("id-1");
        headers.put("PAYPAL-TRANSMISSION-SIG",
                sign("SHA256withRSA", CERTS.leafKey, signedText("id-1", NOW.toString(), "7XY12345AB678901C", BODY)));
        assertEquals("signature mismatch", verify(headers, BODY).reason());
    }

    @Test
    void rejectsAChangedTransmissionTimeUnderTheSameSignature() {
        Map<String, String> headers = delivery("id-1");
        headers.put("PAYPAL-TRANSMISSION-TIME", NOW.plusSeconds(1).toString());
        assertEquals("signature mismatch", verify(headers, BODY).reason());
    }

    @Test
    void refusesAnHttpCertUrlWithoutFetching() {
        String http = "http://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";
        served.put(http, CERTS.leaf);
        Verification result = verify(delivery("id-1", NOW.toString(), http, BODY), BODY);
        assertEquals("PAYPAL-CERT-URL is not https", result.reason());
        assertEquals(List.of(), fetched);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example/v1/notifications/certs/CERT-1",
            "https://api.paypal.com.attacker.example/v1/notifications/certs/CERT-1",
            "https://attacker.example/api.paypal.com/CERT-1", "https://attacker.example#.paypal.com",
            "https://evilpaypal.com/CERT-1", "https://paypal.com/CERT-1", "https://api.paypal.com./CERT-1",
            "https://api.paypal.com@attacker.example/CERT-1", "https://x@api.paypal.com/CERT-1",
            "https://api.paypal.com:8443/CERT-1", "https://api.paypal.com\\@attacker.example/CERT-1",
            "https://127.0.0.1/CERT-1", "https://[::1]/CERT-1", "ftp://api.paypal.com/CERT-1", "//api.paypal.com/CERT-1",
            "/v1/notifications/certs/CERT-1", "https://api.paypal.com/CERT 1", "https://api.pаypal.com/CERT-1"})
    void refusesACertUrlOffPayPalHostsWithoutFetching(String certUrl) {
        served.put(certUrl, CERTS.leaf);
        Verification result = verify(delivery("id-1", NOW.toString(), certUrl, BODY), BODY);
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertTrue(result.reason().startsWith("PAYPAL-CERT-URL "), result.reason());
        assertEquals(List.of(), fetched);
    }

    @Test
    void fetchesTheCertUrlAsCheckedNotAsSpelled() {
        Verification result = verify(delivery("id-1", NOW.toString(),
                "HTTPS://API.PayPal.com:443/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77", BODY), BODY);
        assertTrue(result.isAccepted(), result.toString());
        assertEquals(List.of(CERT_URL), fetched.stream().map(URL::toString).toList());
    }

    @Test
    void acceptsTheSandboxSigningCertificate() {
        served.put(SANDBOX_CERT_URL, CERTS.sandboxLeaf);
        Verification result = verify(delivery("id-1", NOW.toString(), SANDBOX_CERT_URL, BODY), BODY);
        assertTrue(result.isAccepted(), result.toString());
    }

    @Test
    void ignoresAnAuthAlgoHeaderNamingSha1() {
        Map<String, String> headers = delivery("id-1");
        headers.put("PAYPAL-AUTH-ALGO", "SHA1withRSA");
        assertTrue(verify(headers, BODY).isAccepted(), "SHA256withRSA is checked whatever the header says");
    }

    @Test
    void refusesASha1SignatureWhateverTheHeaderSays() {
        Map<String, String> headers = delivery("id-1");
        headers.put("PAYPAL-AUTH-ALGO", "SHA1withRSA");
        headers.put("PAYPAL-TRANSMISSION-SIG",
                sign("SHA1withRSA", CERTS.leafKey, signedText("id-1", NOW.toString(), WEBHOOK_ID, BODY)));
        assertEquals("signature mismatch (PAYPAL-AUTH-ALGO named SHA1withRSA; only SHA256withRSA is accepted)",
                verify(headers, BODY).reason());
    }

    @Test
    void refusesALeafIssuedByAnotherCa() {
        served.put(CERT_URL, CERTS.rogueLeaf);
        Verification result = verify(delivery("id-1"), BODY);
        assertTrue(result.reason().startsWith("signing certificate does not chain to the trust anchor"), result.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.paypal.com", "messageverificationcerts.paypal.com.attacker.example"})
    void refusesALeafForAnotherName(String commonName) {
        served.put(CERT_URL, commonName.startsWith("www") ? CERTS.wwwLeaf : CERTS.attackerSuffixLeaf);
        Verification result = verify(delivery("id-1"), BODY);
        assertEquals("signing certificate is for CN=" + commonName + ", not messageverificationcerts*.paypal.com",
                result.reason());
    }

    @Test
    void refusesAnExpiredLeaf() {
        served.put(CERT_URL, CERTS.expiredLeaf);
        Verification result = verify(delivery("id-1"), BODY);
        assertTrue(result.reason().startsWith("signing certificate expired on 2020-0"), result.reason());
    }

    @Test
    void acceptsALeafServedWithTheRootAndItsIntermediateInAnyOrder() {
        served.put(CERT_URL, CERTS.leafWithChain);
        Verification result = verify(delivery("id-1"), BODY);
        assertTrue(result.isAccepted(), result.toString());
    }

    @Test
    void refusesATransmissionTimeOlderThanTheToleranceWithoutFetching() {
        String captured = NOW.minusSeconds(301).toString();
        Verification result = verify(delivery("id-1", captured, CERT_URL, BODY), BODY);
        assertEquals("transmission time older than the tolerance of 300s (replayed?)", result.reason());
        assertEquals(List.of(), fetched);
    }

    @Test
    void refusesATransmissionTimeTooFarInTheFuture() {
        String ahead = NOW.plusSeconds(301).toString();
        Verification result = verify(delivery("id-1", ahead, CERT_URL, BODY), BODY);
        assertEquals("transmission time further in the future than the tolerance of 300s", result.reason());
    }

    @Test
    void acceptsATransmissionTimeAtTheEdgeOfTheTolerance() {
        assertTrue(verify(delivery("id-1", NOW.minusSeconds(300).toString(), CERT_URL, BODY), BODY).isAccepted());
        assertTrue(verify(delivery("id-2", NOW.plusSeconds(300).toString(), CERT_URL, BODY), BODY).isAccepted());
    }

    @Test
    void signsTheTransmissionTimeAsSentWithAnOffsetAndFraction() {
        assertTrue(verify(delivery("id-1", "2026-06-01T14:00:00.123+02:00", CERT_URL, BODY), BODY).isAccepted());
    }

    @Test
    void refusesASecondDeliveryOfTheSameTransmission() {
        Map<String, String> headers = delivery("69cd13f0-d67a-11e5-baa3-778b53f4ae55");
        assertTrue(verify(headers, BODY).isAccepted());
        Verification replayed = verify(headers, BODY);
        assertEquals(Verification.Outcome.INVALID, replayed.outcome());
        assertEquals("replayed transmission id", replayed.reason());
    }

    @Test
    void aRefusedDeliveryDoesNotUseUpItsTransmissionId() {
        Map<String, String> headers = delivery("id-1");
        byte[] tampered = BODY.clone();
        tampered[10] = 'X';
        assertEquals("signature mismatch", verify(headers, tampered).reason());
        assertTrue(verify(headers, BODY).isAccepted());
    }

    @Test
    void aRetrySignedAtAnotherTimeIsNotAReplay() {
        assertTrue(verify(delivery("id-1", NOW.minusSeconds(60).toString(), CERT_URL, BODY), BODY).isAccepted());
        assertTrue(verify(delivery("id-1", NOW.toString(), CERT_URL, BODY), BODY).isAccepted());
    }

    @Test
    void fetchesEachCertificateOnce() {
        assertTrue(verify(delivery("id-1"), BODY).isAccepted());
        assertTrue(verify(delivery("id-2"), BODY).isAccepted());
        assertEquals(1, fetched.size());
    }

    @Test
    void aFailedFetchIsNotRepeatedForEveryDelivery() {
        String missing = "https://api.paypal.com/v1/notifications/certs/CERT-gone";
        Verification first = verify(delivery("id-1", NOW.toString(), missing, BODY), BODY);
        Verification second = verify(delivery("id-2", NOW.toString(), missing, BODY), BODY);
        assertTrue(first.reason().startsWith("cannot fetch the signing certificate from api.paypal.com"), first.reason());
        assertEquals(first.reason(), second.reason());
        assertEquals(1, fetched.size());
    }

    @Test
    void refusesAFileThatHoldsNoCertificate() {
        served.put(CERT_URL, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertTrue(verify(delivery("id-1"), BODY).reason().startsWith("the signing certificate from api.paypal.com is not readable"));
    }

    @Test
    void noSignatureIsMissing() {
        assertEquals(Verification.Outcome.MISSING, verify(Map.of(), BODY).outcome());
        Map<String, String> unsigned = delivery("id-1");
        unsigned.remove("PAYPAL-TRANSMISSION-SIG");
        Verification result = verify(unsigned, BODY);
        assertEquals(Verification.Outcome.MISSING, result.outcome());
        assertEquals("no PAYPAL-TRANSMISSION-SIG header", result.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-TIME", "PAYPAL-CERT-URL"})
    void aSignatureWithoutWhatItSignsIsInvalid(String header) {
        Map<String, String> headers = delivery("id-1");
        headers.remove(header);
        Verification result = verify(headers, BODY);
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertEquals("PAYPAL-TRANSMISSION-SIG without a " + header + " header", result.reason());
        assertEquals(List.of(), fetched);
    }

    @Test
    void aMissingAuthAlgoHeaderIsNoMatter() {
        Map<String, String> headers = delivery("id-1");
        headers.remove("PAYPAL-AUTH-ALGO");
        assertTrue(verify(headers, BODY).isAccepted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAYPAL-TRANSMISSION-ID=id|1", "PAYPAL-TRANSMISSION-ID=id 1",
            "PAYPAL-TRANSMISSION-TIME=yesterday", "PAYPAL-TRANSMISSION-TIME=2026-06-01T12:00:00",
            "PAYPAL-TRANSMISSION-TIME=1780315200", "PAYPAL-TRANSMISSION-SIG=not*base64!"})
    void rejectsMalformedHeaders(String replacement) {
        Map<String, String> headers = delivery("id-1");
        String[] nameValue = replacement.split("=", 2);
        headers.put(nameValue[0], nameValue[1]);
        Verification result = verify(headers, BODY);
        assertTrue(result.reason().startsWith("malformed " + nameValue[0]), result.reason());
        assertEquals(List.of(), fetched);
    }

    @Test
    void theCrcIsTheUnsignedDecimalOfTheRawBody() {
        // CRC-32 check value of "123456789" is 0xCBF43926: the high bit set, so a signed int would go negative.
        assertEquals("3421780262", PayPalSignatureVerifier.crc32("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aZeroToleranceIsAConfigError() {
        assertThrows(IllegalArgumentException.class, () -> new PayPalSignatureVerifier("paypal", WEBHOOK_ID,
                List.of(CERTS.ca), Duration.ZERO, this::serve, Clock.systemUTC()));
    }

    @Test
    void noTrustAnchorIsAConfigError() {
        assertThrows(IllegalArgumentException.class, () -> new PayPalSignatureVerifier("paypal", WEBHOOK_ID,
                List.of(), Duration.ofSeconds(300), this::serve, Clock.systemUTC()));
    }
}
