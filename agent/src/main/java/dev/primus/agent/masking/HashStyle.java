package dev.primus.agent.masking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * style hash: {@code [EMAIL:1a2b3c4d]}, the first 8 hex chars of HMAC-SHA256(key, value), so the
 * same value gives the same marker and lines about one customer can be correlated without the
 * value. Keyed, so nobody without the key can hash every card number or phone number (a small
 * space) to reverse a marker.
 */
final class HashStyle implements MaskStyle {
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int SHOWN_BYTES = 4;

    /** A Mac is not thread-safe; one per thread beats cloning one per value. */
    private final ThreadLocal<Mac> macs;

    HashStyle(byte[] key) {
        final SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        newMac(spec); // fail when the masker is built, not on the first log line
        this.macs = new ThreadLocal<Mac>() {
            @Override
            protected Mac initialValue() {
                return newMac(spec);
            }
        };
    }

    @Override
    public String replacement(CharSequence value, int start, int end, Detector detector) {
        byte[] digest = macs.get().doFinal(bytes(value, start, end, detector.hashIgnoresSeparators));
        StringBuilder out = new StringBuilder(detector.markerName.length() + 2 * SHOWN_BYTES + 3);
        out.append('[').append(detector.markerName).append(':');
        for (int i = 0; i < SHOWN_BYTES; i++) {
            out.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        return out.append(']').toString();
    }

    private static byte[] bytes(CharSequence value, int start, int end, boolean lettersAndDigitsOnly) {
        StringBuilder text = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (!lettersAndDigitsOnly || Character.isLetterOrDigit(c)) {
                text.append(c);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("masking style hash needs " + ALGORITHM + ", which this JVM lacks: " + e, e);
        }
    }
}
