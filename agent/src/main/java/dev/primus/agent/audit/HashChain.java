package dev.primus.agent.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links each line to the one before it: a line gets {@code prev} (the previous line's hash)
 * and {@code hash}, over the line's UTF-8 bytes as it reads with {@code prev} and without
 * {@code hash}. Editing, removing or reordering a line breaks every hash after it.
 *
 * <p>Unkeyed, {@code hash} is SHA-256, which whoever can write the file can recompute for a forged
 * tail. Keyed, it is HMAC-SHA256 under the operator's key and the line also names the key
 * ({@code key_id}, derived from the key, so keys can rotate and a verifier holding several finds
 * the right one): without the key no one can forge a link. Code inside the JVM can read the key.
 */
public final class HashChain {
    /** The {@code prev} of the first line ever written to a file. */
    public static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";

    private final MessageDigest sha256;
    private final Mac hmac;
    private final String keyId;
    private String previous;

    /** An unkeyed (SHA-256) chain continuing from {@code previous}. */
    public HashChain(String previous) {
        this(previous, null);
    }

    /** A chain continuing from {@code previous}, keyed with {@code key} (HMAC-SHA256), or unkeyed for null. */
    public HashChain(String previous, byte[] key) {
        this.previous = previous;
        this.sha256 = key == null ? newDigest() : null;
        this.hmac = key == null ? null : newMac(key);
        this.keyId = key == null ? null : keyIdOf(key);
    }

    /** The id a key's lines carry: the first 8 hex digits of its HMAC of a fixed label, which tell nothing of the key. */
    public static String keyIdOf(byte[] key) {
        return hex(newMac(key).doFinal("primus audit key id".getBytes(StandardCharsets.UTF_8))).substring(0, 8);
    }

    /** The key id of this chain's lines, or null when unkeyed. */
    public String keyId() {
        return keyId;
    }

    /** The hash of the last line linked: what a chain_head event carries. */
    String head() {
        return previous;
    }

    /** Closes an open line with its {@code prev}, {@code key_id} when keyed, and {@code hash} fields. */
    String link(String openLine) {
        String withPrev = openLine + ",\"prev\":\"" + previous + "\"" + (keyId == null ? "" : ",\"key_id\":\"" + keyId + "\"") + "}";
        String hash = hashOf(withPrev);
        previous = hash;
        return withPrev.substring(0, withPrev.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /** The hash a line must carry: of the line without its {@code hash} field. */
    public String hashOf(String lineWithoutHash) {
        byte[] bytes = lineWithoutHash.getBytes(StandardCharsets.UTF_8);
        return hex(hmac == null ? sha256.digest(bytes) : hmac.doFinal(bytes));
    }

    private static String hex(byte[] digest) {
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
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

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
