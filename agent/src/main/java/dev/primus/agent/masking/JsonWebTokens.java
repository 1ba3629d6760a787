package dev.primus.agent.masking;

/**
 * jwt: three base64url segments joined by dots, header and payload both starting {@code eyJ}
 * (base64 of <code>{"</code>). The signature may be empty ({@code alg: none}). An encrypted JWT
 * (JWE, RFC 7516's compact form) is five: its header, then the encrypted key (empty for
 * {@code alg: dir}, as in Keycloak's {@code KC_RESTART} cookie), the IV, the ciphertext and the
 * tag, none of which is JSON.
 */
final class JsonWebTokens {
    private static final int MIN_HEADER = 10;
    private static final int MIN_PAYLOAD = 4;
    /** A JWE's shortest IV and tag: 96 and 128 bits (A128GCM), 16 and 22 chars. */
    private static final int MIN_IV = 16;
    private static final int MIN_TAG = 22;

    private JsonWebTokens() {
    }

    /** {@code at} is an 'e' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, "eyJ") || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int header = segmentEnd(s, at, end);
        if (header - at < MIN_HEADER || header >= end || s.charAt(header) != '.') {
            return Match.NONE;
        }
        if (!TextSearch.startsWith(s, header + 1, end, "eyJ")) {
            return encrypted(s, at, header, end);
        }
        int payload = segmentEnd(s, header + 1, end);
        if (payload - header - 1 < MIN_PAYLOAD || payload >= end || s.charAt(payload) != '.') {
            return Match.NONE;
        }
        int stop = segmentEnd(s, payload + 1, end);
        for (int extra = 0; extra < 2 && stop + 1 < end && s.charAt(stop) == '.'
                && CharClass.isBase64Url(s.charAt(stop + 1)); extra++) {
            stop = segmentEnd(s, stop + 1, end);
        }
        return Match.of(at, stop);
    }

    /** A JWE whose header ends at {@code header}: four more segments, the key's possibly empty, and no sixth. */
    private static long encrypted(CharSequence s, int at, int header, int end) {
        int key = segmentEnd(s, header + 1, end);
        if (key >= end || s.charAt(key) != '.') {
            return Match.NONE;
        }
        int iv = segmentEnd(s, key + 1, end);
        if (iv - key - 1 < MIN_IV || iv >= end || s.charAt(iv) != '.') {
            return Match.NONE;
        }
        int ciphertext = segmentEnd(s, iv + 1, end);
        if (ciphertext == iv + 1 || ciphertext >= end || s.charAt(ciphertext) != '.') {
            return Match.NONE;
        }
        int tag = segmentEnd(s, ciphertext + 1, end);
        boolean sixth = tag + 1 < end && s.charAt(tag) == '.' && CharClass.isBase64Url(s.charAt(tag + 1));
        return tag - ciphertext - 1 < MIN_TAG || sixth ? Match.NONE : Match.of(at, tag);
    }

    private static int segmentEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && CharClass.isBase64Url(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
