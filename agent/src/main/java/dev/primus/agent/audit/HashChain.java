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

    private static final byte[] PREV = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_ID = "\",\"key_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final Mac hmac;
    private final String keyId;
    private final byte[] keyIdBytes;
    /** The previous line's hash, as the hex the next line carries. */
    private byte[] previous;

    /** An unkeyed (SHA-256) chain continuing from {@code previous}. */
    public HashChain(String previous) {
        this(previous, null);
    }

    /** A chain continuing from {@code previous}, keyed with {@code key} (HMAC-SHA256), or unkeyed for null. */
    public HashChain(String previous, byte[] key) {
        this.previous = previous.getBytes(StandardCharsets.US_ASCII);
        this.sha256 = key == null ? newDigest() : null;
        this.hmac = key == null ? null : newMac(key);
        this.keyId = key == null ? null : keyIdOf(key);
        this.keyIdBytes = keyId == null ? null : keyId.getBytes(StandardCharsets.US_ASCII);
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
        return new String(previous, StandardCharsets.US_ASCII);
    }

    /**
     * Closes the open line that fills {@code lines} from {@code start} to its end with its
     * {@code prev}, {@code key_id} when keyed, and {@code hash} fields, and the closing brace. The
     * hash is taken over the bytes as they stand before {@code hash} is added, closed by a brace.
     */
    void link(LineBytes lines, int start) {
        lines.append(PREV).append(previous);
        if (keyIdBytes != null) {
            lines.append(KEY_ID).append(keyIdBytes);
        }
        lines.append('"').append('}');
        byte[] digest = digest(lines.array(), start, lines.size() - start);
        lines.shrink(1);
        int hashStart = lines.size() + HASH.length;
        lines.append(HASH).appendHex(digest);
        previous = java.util.Arrays.copyOfRange(lines.array(), hashStart, hashStart + 2 * digest.length);
        lines.append('"').append('}');
    }

    /** The hash a line must carry: of the line without its {@code hash} field. */
    public String hashOf(String lineWithoutHash) {
        byte[] bytes = lineWithoutHash.getBytes(StandardCharsets.UTF_8);
        return hex(digest(bytes, 0, bytes.length));
    }

    private byte[] digest(byte[] bytes, int offset, int length) {
        if (hmac == null) {
            sha256.update(bytes, offset, length);
            return sha256.digest();
        }
        hmac.update(bytes, offset, length);
        return hmac.doFinal();
    }

    private static String hex(byte[] digest) {
        LineBytes hex = new LineBytes(digest.length * 2).appendHex(digest);
        return new String(hex.array(), 0, hex.size(), StandardCharsets.US_ASCII);
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
