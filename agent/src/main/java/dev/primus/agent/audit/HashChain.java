package dev.primus.agent.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Links each line to the one before it: a line gets {@code prev} (the previous line's hash)
 * and {@code hash}, the hex SHA-256 of the line's UTF-8 bytes as it reads with {@code prev}
 * and without {@code hash}. Editing, removing or reordering a line breaks every hash after it.
 */
public final class HashChain {
    /** The {@code prev} of the first line ever written to a file. */
    public static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";

    private final MessageDigest sha256;
    private String previous;

    public HashChain(String previous) {
        this.previous = previous;
        this.sha256 = newDigest();
    }

    /** Closes an open line with its {@code prev} and {@code hash} fields. */
    String link(String openLine) {
        String withPrev = openLine + ",\"prev\":\"" + previous + "\"}";
        String hash = hashOf(withPrev);
        previous = hash;
        return withPrev.substring(0, withPrev.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /** The hash a line must carry: SHA-256 of the line without its {@code hash} field. */
    public String hashOf(String lineWithoutHash) {
        byte[] digest = sha256.digest(lineWithoutHash.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[64];
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = Character.forDigit((digest[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(digest[i] & 0xF, 16);
        }
        return new String(hex);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
