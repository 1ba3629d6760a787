package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    private final String header;
    private final List<ApiKey> keys;

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
        this.keys = Collections.unmodifiableList(new ArrayList<ApiKey>(keys));
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
        byte[] digest = sha256(presentedKey.getBytes(StandardCharsets.UTF_8));
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
