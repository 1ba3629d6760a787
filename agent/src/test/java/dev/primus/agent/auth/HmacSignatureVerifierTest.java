package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSignatureVerifierTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private final HmacSignatureVerifier github = new HmacSignatureVerifier("github", SECRET, "X-Hub-Signature-256",
            "sha256=", HmacSignatureVerifier.Encoding.HEX);
    private final HmacSignatureVerifier shopify = new HmacSignatureVerifier("shopify", SECRET, "X-Shopify-Hmac-Sha256",
            null, HmacSignatureVerifier.Encoding.BASE64);

    /** A delivery whose only header is the verifier's signature header (absent when null). */
    private static Verification verify(HmacSignatureVerifier verifier, String signatureHeader, byte[] body) {
        return verifier.verify(name -> name.equalsIgnoreCase(verifier.header()) ? signatureHeader : null, body);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void matchesGitHubsPublishedExample() {
        // docs.github.com, "Validating webhook deliveries": this secret and payload give this signature.
        String published = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertTrue(verify(github, published, BODY).isAccepted());
    }

    @Test
    void acceptsAPrefixedHexSignature() {
        Verification result = verify(github, "sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY)), BODY);
        assertTrue(result.isAccepted());
        assertEquals("github", result.authenticated().principal());
    }

    @Test
    void acceptsABase64SignatureWithoutPrefix() {
        assertTrue(verify(shopify, Base64.getEncoder().encodeToString(hmac(SECRET, BODY)), BODY).isAccepted());
    }

    @Test
    void rejectsABodyWithOneChangedByte() {
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY));
        byte[] tampered = BODY.clone();
        tampered[0] = 'J';
        assertEquals("signature mismatch", verify(github, signature, tampered).reason());
    }

    @Test
    void rejectsASignatureWithoutThePrefix() {
        assertEquals(Verification.Outcome.INVALID, verify(github, HexFormat.of().formatHex(hmac(SECRET, BODY)), BODY).outcome());
    }

    @Test
    void rejectsATruncatedSignature() {
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY)).substring(0, 62);
        assertTrue(verify(github, signature, BODY).reason().startsWith("malformed"));
    }

    @Test
    void rejectsNonBase64() {
        assertFalse(verify(shopify, "not*base64!", BODY).isAccepted());
    }

    @Test
    void noHeaderIsMissing() {
        assertEquals(Verification.Outcome.MISSING, verify(github, null, BODY).outcome());
        assertEquals("no X-Hub-Signature-256 header", verify(github, "", BODY).reason());
    }
}
