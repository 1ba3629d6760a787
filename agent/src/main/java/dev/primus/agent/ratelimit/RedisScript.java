package dev.primus.agent.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A Lua script and its SHA-1, the name {@code EVALSHA} knows it by once Redis has seen it. */
final class RedisScript {
    private final byte[] source;
    private final byte[] sha1;

    RedisScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha1 = sha1Hex(this.source).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] source() {
        return source;
    }

    /** Lower-case hex, as {@code SCRIPT LOAD} answers it. */
    byte[] sha1() {
        return sha1;
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
