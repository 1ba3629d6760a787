package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the API key in the configured header ({@code auth.api_keys.header}) against the
 * configured digests.
 *
 * <p>The presented key is hashed once and compared with every configured digest, all of them,
 * with {@link MessageDigest#isEqual} (constant time for equal lengths): the time taken says
 * nothing about how many leading bytes matched, nor which key, if any, did.
 */
public final class ApiKeyVerifier {
    /** Each thread's hasher, made on its first key: a request then hashes without a new object. */
    private static final ThreadLocal<KeyHasher> HASHERS = new ThreadLocal<KeyHasher>() {
        @Override
        protected KeyHasher initialValue() {
            return new KeyHasher();
        }
    };

    private final String header;
    /** An array, walked by index: every request with a key compares them all, and creates no iterator. */
    private final ApiKey[] keys;

    /**
     * @param header the request header that carries the key, {@code X-API-Key}
     * @param keys the configured keys
     * @throws IllegalArgumentException when two keys share an id or a digest
     */
    public ApiKeyVerifier(String header, List<ApiKey> keys) {
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException("auth.api_keys.header names no header; X-API-Key is usual");
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (keys.get(i).id().equals(keys.get(j).id())) {
                    throw new IllegalArgumentException("api key id " + keys.get(i).id() + " is used twice; ids name principals");
                }
                if (Arrays.equals(keys.get(i).sha256(), keys.get(j).sha256())) {
                    throw new IllegalArgumentException("api keys " + keys.get(j).id() + " and " + keys.get(i).id()
                            + " have the same sha256; one key cannot be two principals");
                }
            }
        }
        this.header = header;
        this.keys = keys.toArray(new ApiKey[0]);
    }

    /** The header the hook reads the key from. */
    public String header() {
        return header;
    }

    /**
     * @param presentedKey the value of {@link #header()}, or null when the request has none
     */
    public Verification verify(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Verification.missing("no " + header + " header");
        }
        byte[] digest = HASHERS.get().sha256(presentedKey);
        ApiKey found = null;
        for (ApiKey key : keys) {
            // No early exit: every digest is compared whatever matched before.
            boolean same = MessageDigest.isEqual(digest, key.sha256());
            found = same ? key : found;
        }
        if (found == null) {
            return Verification.invalid("unknown api key");
        }
        return found.accepted();
    }

    /**
     * One thread's SHA-256 and the arrays it hashes a key into, reused for every key the thread
     * sees: a {@code MessageDigest.getInstance}, the key's bytes and the digest per request
     * otherwise. Not thread-safe: one per thread.
     */
    private static final class KeyHasher {
        /** Real keys are 20 to 64 ASCII chars; a longer or non-ASCII one is encoded the ordinary way. */
        private static final int MAX_BUFFERED_CHARS = 256;

        private final MessageDigest sha256;
        private final byte[] bytes = new byte[MAX_BUFFERED_CHARS];
        private final byte[] digest;

        KeyHasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            digest = new byte[sha256.getDigestLength()];
        }

        /** The SHA-256 of the key's UTF-8 bytes, in this hasher's own array: read it before the next call. */
        byte[] sha256(String key) {
            sha256.reset(); // a digest a failure left half fed must not spoil the next key
            int length = key.length();
            boolean ascii = length <= MAX_BUFFERED_CHARS;
            int buffered = 0;
            while (ascii && buffered < length) {
                char c = key.charAt(buffered);
                ascii = c < 0x80;
                bytes[buffered++] = (byte) c; // an ASCII char is its own UTF-8 byte
            }
            if (ascii) {
                sha256.update(bytes, 0, length);
            } else {
                sha256.update(key.getBytes(StandardCharsets.UTF_8));
            }
            Arrays.fill(bytes, 0, buffered, (byte) 0); // the key does not outlive its request in this array
            try {
                sha256.digest(digest, 0, digest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 digest fits its own length", e);
            }
            return digest;
        }
    }
}
