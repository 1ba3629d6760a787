package dev.primus.agent.masking;

/**
 * jwt: three base64url segments joined by dots, header and payload both starting {@code eyJ}
 * (base64 of <code>{"</code>). The signature may be empty ({@code alg: none}). The two extra
 * segments of an encrypted JWT (JWE) are masked with it.
 */
final class JsonWebTokens {
    private static final int MIN_HEADER = 10;
    private static final int MIN_PAYLOAD = 4;

    private JsonWebTokens() {
    }

    /** {@code at} is an 'e' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, "eyJ") || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int header = segmentEnd(s, at, end);
        if (header - at < MIN_HEADER || header >= end || s.charAt(header) != '.'
                || !TextSearch.startsWith(s, header + 1, end, "eyJ")) {
            return Match.NONE;
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

    private static int segmentEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && CharClass.isBase64Url(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
