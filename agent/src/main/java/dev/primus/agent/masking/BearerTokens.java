package dev.primus.agent.masking;

/**
 * bearer_token: {@code Bearer <token>} (any case), token of 16 or more RFC 6750 token68 chars.
 * Only the token is masked; the word Bearer stays so the line still says what was sent.
 */
final class BearerTokens {
    private static final int MIN_TOKEN = 16;
    private static final int MAX_SPACES = 4;

    private BearerTokens() {
    }

    /** {@code at} is a 'b' or 'B' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWithIgnoreCase(s, at, end, "bearer") || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int start = at + 6;
        while (start < end && start - at - 6 < MAX_SPACES && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        if (start == at + 6) {
            return Match.NONE;
        }
        int stop = start;
        while (stop < end && isTokenChar(s.charAt(stop))) {
            stop++;
        }
        while (stop < end && s.charAt(stop) == '=') {
            stop++;
        }
        return stop - start < MIN_TOKEN ? Match.NONE : Match.of(start, stop);
    }

    private static boolean isTokenChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
