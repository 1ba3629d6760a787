package dev.primus.agent.auth;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tokens that verified, so a client presenting the same token again costs a lookup instead of
 * a signature check (an RS256 verify is tens of microseconds). A hit is the very same token,
 * compared in full, never a hash of it that could collide.
 *
 * <p>A fixed table of {@link #SLOTS} entries, indexed by a hash of the token's last characters:
 * they are its signature, as good as random, and hashing 32 chars instead of a 1 KB token keeps a
 * hit well under a microsecond. Two tokens on one slot just take turns (it is a cache: a miss
 * costs one signature check), so memory is bounded whatever clients send, and a forged token
 * aimed at a slot can only evict, never match.
 *
 * <p>An entry lives until the token's own expiry (with the issuer's clock skew) but at most
 * {@link #MAX_AGE_SECONDS}, so a key the IdP withdraws stops opening doors within minutes.
 */
final class VerifiedTokens {
    static final long MAX_AGE_SECONDS = 300;
    static final int SLOTS = 16384;
    private static final int HASHED_CHARS = 32;

    // Entries are immutable (final fields), so a reader sees a whole entry or the previous one.
    private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<Entry>(SLOTS);

    /** An accepted verification of {@code token} still valid at {@code nowSeconds}, or null. */
    Verification get(String token, long nowSeconds) {
        return get(token, 0, token.length(), nowSeconds);
    }

    /**
     * The same for the token that stands in {@code text} from {@code start} to {@code end}
     * (an {@code Authorization} header): looked up and compared in place, so a hit copies nothing.
     */
    Verification get(String text, int start, int end, long nowSeconds) {
        Entry entry = table.get(slot(text, start, end));
        if (entry == null || nowSeconds >= entry.expiresAtSeconds || !entry.holds(text, start, end)) {
            return null;
        }
        return entry.verification;
    }

    /**
     * Remembers the token that stands in {@code text} from {@code start} to {@code end}: the
     * {@code Authorization} header it came in, kept whole so that the client's next request, which
     * sends the same header, is found by one comparison of whole strings; or the bare token.
     *
     * @param validUntilSeconds when the token itself stops being accepted ({@code exp} plus the
     *     clock skew), or {@code Long.MAX_VALUE} when it carries no {@code exp}
     */
    void put(String text, int start, int end, Verification accepted, long nowSeconds, long validUntilSeconds) {
        table.set(slot(text, start, end), new Entry(text, start, end, accepted,
                Math.min(validUntilSeconds, nowSeconds + MAX_AGE_SECONDS)));
    }

    /** The slot of the token from {@code start} to {@code end} of {@code text}. */
    private static int slot(String text, int start, int end) {
        int hash = end - start;
        for (int i = Math.max(start, end - HASHED_CHARS); i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        hash ^= hash >>> 16;
        return hash & (SLOTS - 1);
    }

    private static final class Entry {
        /** The token stands in it from {@link #start} to {@link #end}: the header it came in, or the token alone. */
        final String text;
        final int start;
        final int end;
        final Verification verification;
        final long expiresAtSeconds;

        Entry(String text, int start, int end, Verification verification, long expiresAtSeconds) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.verification = verification;
            this.expiresAtSeconds = expiresAtSeconds;
        }

        /** Whether the token from {@code otherStart} to {@code otherEnd} of {@code other} is this one, char for char. */
        boolean holds(String other, int otherStart, int otherEnd) {
            int length = end - start;
            if (otherEnd - otherStart != length) {
                return false;
            }
            // The same client sends the same header again: String.equals is a vectorised intrinsic,
            // where regionMatches compares a char at a time (several times slower on a 1 KB token).
            if (otherStart == start && other.length() == text.length() && other.equals(text)) {
                return true;
            }
            return text.regionMatches(start, other, otherStart, length);
        }
    }
}
