package dev.primus.agent.masking;

/**
 * For password_kv: the token of a password-reset link in a request's path, as an access log, a
 * framework's request log or the audit trail's route writes it: {@code /reset-password/{token}},
 * {@code /password/reset/{token}}, {@code /forgot-password/confirm/{token}}. Whoever reads it can
 * set the account's password. Found from the word "password" (the scan's 'p' at a word start) in
 * a path segment, which a '/' starts; the token is the first of the next three segments of the
 * same path that reads as no word: a UUID or at least 16 hex digits with a letter and a digit, or
 * 20 or more base64url chars with both cases and a digit, or 24 or more with four letters and four
 * digits. The query ({@code ?token=x}) is password_kv's keyed value already. Also found after a
 * '_' ({@code /forgot_password/x}), where the scan asks at the '_'; not in camel case
 * ({@code /resetPassword/x}): a capital 'P' inside a word is no trigger, and Java's class names
 * would make it a frequent one.
 */
final class PasswordLinks {
    private static final String WORD = "password";
    /** How far back the segment holding the word may start: {@code /forgot-password}, {@code /change-account-password}. */
    private static final int MAX_SEGMENT_BEFORE = 32;
    private static final int MAX_SEGMENTS = 3;
    private static final int MAX_TOKEN = 512;
    private static final int MIN_HEX = 16;
    private static final int MIN_MIXED = 20;
    private static final int MIN_LOWER = 24;
    private static final int MIN_EACH = 4;

    private PasswordLinks() {
    }

    /** Whether the chars after the '_' at {@code at} start "pas", as "password" does, in either case. */
    static boolean mayFollowUnderscore(CharSequence s, int at, int end) {
        return at + 4 < end && TextSearch.startsWithIgnoreCase(s, at + 1, end, "pas");
    }

    /** {@code at} is the 'p' or 'P' of a word start, or after a '_'; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWithIgnoreCase(s, at, end, WORD)) {
            return Match.NONE;
        }
        int segment = at;
        while (segment > from && at - segment < MAX_SEGMENT_BEFORE && isSegmentChar(s.charAt(segment - 1))) {
            segment--;
        }
        if (segment <= from || s.charAt(segment - 1) != '/') {
            return Match.NONE;
        }
        int i = segmentEnd(s, at + WORD.length(), end);
        for (int n = 0; n < MAX_SEGMENTS && i < end && s.charAt(i) == '/'; n++) {
            int start = i + 1;
            int stop = segmentEnd(s, start, end);
            if (stop - start <= MAX_TOKEN && endsSegment(s, stop, end) && isToken(s, start, stop)) {
                return Match.of(start, stop);
            }
            i = stop;
        }
        return Match.NONE;
    }

    private static int segmentEnd(CharSequence s, int at, int end) {
        int stop = at;
        while (stop < end && stop - at <= MAX_TOKEN && isSegmentChar(s.charAt(stop))) {
            stop++;
        }
        return stop;
    }

    /** Letters, digits, '-' and '_': a token's chars, and a route word's. A '.' ends both: a file's name is no token. */
    private static boolean isSegmentChar(char c) {
        return CharClass.isBase64Url(c);
    }

    /** What may follow a path's last or inner segment: another segment, the query, a fragment, or the path's end. */
    private static boolean endsSegment(CharSequence s, int at, int end) {
        if (at == end) {
            return true;
        }
        char c = s.charAt(at);
        return c == '/' || c == '?' || c == '#' || c == ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ']'
                || c == ')' || c == '\r' || c == '\n' || c == '\t';
    }

    /** Whether {@code s[start, stop)} reads as a random token rather than a route's word. */
    private static boolean isToken(CharSequence s, int start, int stop) {
        int hex = 0;
        int upper = 0;
        int lower = 0;
        int digits = 0;
        boolean hexOrDash = true;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            hex += CharClass.isHex(c) ? 1 : 0;
            upper += CharClass.isUpper(c) ? 1 : 0;
            lower += CharClass.isLower(c) ? 1 : 0;
            digits += CharClass.isDigit(c) ? 1 : 0;
            hexOrDash &= CharClass.isHex(c) || c == '-';
        }
        int length = stop - start;
        return hexOrDash && hex >= MIN_HEX && digits > 0 && hex > digits
                || length >= MIN_MIXED && upper > 0 && lower > 0 && digits > 0
                || length >= MIN_LOWER && upper + lower >= MIN_EACH && digits >= MIN_EACH;
    }
}
