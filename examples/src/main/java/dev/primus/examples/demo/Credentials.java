package dev.primus.examples.demo;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the demo's callers present: an RS256 access token from the demo's identity provider (whose
 * key the demo verb made and whose public half the agent reads from a JWKS file), and Stripe's
 * webhook signature. Hand-built with the JDK, so the demo needs no JWT library.
 */
final class Credentials {
    private final PrivateKey idpKey;
    private final String issuer;
    private final String audience;
    private final byte[] stripeSecret;

    Credentials(String idpKeyPkcs8Base64, String issuer, String audience, String stripeSecret) throws Exception {
        this.idpKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(idpKeyPkcs8Base64)));
        this.issuer = issuer;
        this.audience = audience;
        this.stripeSecret = stripeSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for {@code subject}, valid for five minutes. */
    String accessToken(String subject) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"demo\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"scope\":\"orders:read\"}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(idpKey);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    /** A {@code Stripe-Signature} header for {@code body} sent now, signed with the endpoint secret. */
    String stripeSignature(String body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(stripeSecret, "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(hmac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + v1;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
