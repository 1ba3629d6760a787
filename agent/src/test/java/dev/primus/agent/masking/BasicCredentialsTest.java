package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place decoding of {@link BasicCredentials}, differentially against the JDK's
 * {@code java.util.Base64} on random credentials: printable or not, with a ':' or not, every
 * padding length. RFC 7617's examples are in {@link BearerTokenDetectorTest}.
 */
class BasicCredentialsTest {
    private static final byte[] ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !#$%&*+-./:;=?@_~\u00e9").getBytes(StandardCharsets.UTF_8);

    @Test
    void agreesWithTheJdkDecoderOnRandomCredentials() {
        Random random = new Random(7617);
        int accepted = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(100);
                bytes[i] = pick < 2 ? (byte) random.nextInt(0x20) : pick < 4 ? (byte) 0x7f : pick < 8 ? (byte) ':'
                        : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String encoded = Base64.getEncoder().encodeToString(bytes);
            boolean expected = isUserAndPassword(Base64.getDecoder().decode(encoded));
            int end = BasicCredentials.end("x " + encoded + " y", 2, encoded.length() + 4);
            assertEquals(expected ? encoded.length() + 2 : -1, end, encoded);
            accepted += expected ? 1 : 0;
        }
        // Both answers are exercised.
        assertTrue(accepted > 10_000 && accepted < 90_000, "accepted " + accepted);
    }

    private static boolean isUserAndPassword(byte[] decoded) {
        boolean colon = false;
        for (byte b : decoded) {
            int unsigned = b & 0xff;
            if (unsigned < 0x20 || unsigned == 0x7f) {
                return false;
            }
            colon |= unsigned == ':';
        }
        return colon;
    }
}
