package dev.primus.agent.masking;

/**
 * bearer_token: {@code Bearer <token>} (any case), token of 16 or more RFC 6750 token68 chars;
 * and {@code Basic <credential>}, a Basic scheme's {@code user:password} in base64
 * ({@link BasicCredentials}), wherever the scheme is written, not only after an
 * {@code Authorization} header's key (which password_kv reads). Only the token or credential is
 * masked; the scheme's word stays so the line still says what was sent.
 */
final class BearerTokens {
    private static final int MIN_TOKEN = 16;
    private static final int MAX_SPACES = 4;

    private BearerTokens() {
    }

    /** {@code at} is a 'b' or 'B' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        if (TextSearch.startsWithIgnoreCase(s, at, end, "basic")) {
            int start = afterSpaces(s, at + 5, end);
            int stop = start < 0 ? -1 : BasicCredentials.end(s, start, end);
            return stop < 0 ? Match.NONE : Match.of(start, stop);
        }
        int start = TextSearch.startsWithIgnoreCase(s, at, end, "bearer") ? afterSpaces(s, at + 6, end) : -1;
        if (start < 0) {
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

    /** Past the one to {@link #MAX_SPACES} spaces or tabs after a scheme's word at {@code at}; -1 if none. */
    private static int afterSpaces(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_SPACES && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i == at ? -1 : i;
    }

    private static boolean isTokenChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
