package dev.primus.agent.auth;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one key, over parts fed in order, so a signed payload is never copied into
 * one array. A {@link Mac} is not thread-safe, so each thread keys its own once: looking one up
 * and keying it cost more than the HMAC of a small webhook body (656 ns and 960 B a call, against
 * 443 ns and 48 B with a keyed one reused; JMH on this project's machine).
 */
final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> keyed;

    HmacSha256(byte[] key) {
        final SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        keyed = new ThreadLocal<Mac>() {
            @Override
            protected Mac initialValue() {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(spec);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("every Java runtime has HmacSHA256", e);
                }
            }
        };
    }

    byte[] mac(byte[]... parts) {
        Mac mac = keyed.get();
        // doFinal leaves it ready for the next call; a reset here also covers a call cut short.
        mac.reset();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
