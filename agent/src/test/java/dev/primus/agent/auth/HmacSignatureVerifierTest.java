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
        assertTrue(github.verify(published, BODY).isAccepted());
    }

    @Test
    void acceptsAPrefixedHexSignature() {
        Verification result = github.verify("sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY)), BODY);
        assertTrue(result.isAccepted());
        assertEquals("github", result.authenticated().principal());
    }

    @Test
    void acceptsABase64SignatureWithoutPrefix() {
        assertTrue(shopify.verify(Base64.getEncoder().encodeToString(hmac(SECRET, BODY)), BODY).isAccepted());
    }

    @Test
    void rejectsABodyWithOneChangedByte() {
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY));
        byte[] tampered = BODY.clone();
        tampered[0] = 'J';
        assertEquals("signature mismatch", github.verify(signature, tampered).reason());
    }

    @Test
    void rejectsASignatureWithoutThePrefix() {
        assertEquals(Verification.Outcome.INVALID, github.verify(HexFormat.of().formatHex(hmac(SECRET, BODY)), BODY).outcome());
    }

    @Test
    void rejectsATruncatedSignature() {
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(SECRET, BODY)).substring(0, 62);
        assertTrue(github.verify(signature, BODY).reason().startsWith("malformed"));
    }

    @Test
    void rejectsNonBase64() {
        assertFalse(shopify.verify("not*base64!", BODY).isAccepted());
    }

    @Test
    void noHeaderIsMissing() {
        assertEquals(Verification.Outcome.MISSING, github.verify(null, BODY).outcome());
        assertEquals("no X-Hub-Signature-256 header", github.verify("", BODY).reason());
    }
}
