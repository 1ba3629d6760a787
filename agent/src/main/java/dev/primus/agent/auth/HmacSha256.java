package dev.primus.agent.auth;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over parts fed in order, so a signed payload is never copied into one array. */
final class HmacSha256 {
    private HmacSha256() {
    }

    static byte[] mac(byte[] key, byte[]... parts) {
        try {
            // A Mac is not thread-safe and cheap to make next to the HMAC itself.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
