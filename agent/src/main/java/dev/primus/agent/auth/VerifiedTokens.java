package dev.primus.agent.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that verified, so a client presenting the same token again costs one map lookup
 * instead of a signature check (an RS256 verify is tens of microseconds). A hit is the very
 * same token string, compared in full by the map, never a hash of it that could collide.
 *
 * <p>An entry lives until the token's own expiry (with the issuer's clock skew) but at most
 * {@link #MAX_AGE_SECONDS}, so a key the IdP withdraws stops opening doors within minutes.
 * The map is bounded: when full it is emptied, which costs one signature check per token in
 * use, never memory.
 */
final class VerifiedTokens {
    static final long MAX_AGE_SECONDS = 300;
    static final int MAX_ENTRIES = 10000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<String, Entry>();

    /** An accepted verification of {@code token} still valid at {@code nowSeconds}, or null. */
    Verification get(String token, long nowSeconds) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds >= entry.expiresAtSeconds) {
            entries.remove(token, entry);
            return null;
        }
        return entry.verification;
    }

    /**
     * @param validUntilSeconds when the token itself stops being accepted ({@code exp} plus the
     *     clock skew), or {@code Long.MAX_VALUE} when it carries no {@code exp}
     */
    void put(String token, Verification accepted, long nowSeconds, long validUntilSeconds) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(token, new Entry(accepted, Math.min(validUntilSeconds, nowSeconds + MAX_AGE_SECONDS)));
    }

    int size() {
        return entries.size();
    }

    private static final class Entry {
        final Verification verification;
        final long expiresAtSeconds;

        Entry(Verification verification, long expiresAtSeconds) {
            this.verification = verification;
            this.expiresAtSeconds = expiresAtSeconds;
        }
    }
}
