package dev.primus.agent.masking;

/**
 * us_ssn: {@code AAA-GG-SSSS}, with the numbers the SSA never issues left out (area 000, 666,
 * 900-999; group 00; serial 0000). Spaced ({@code AAA GG SSSS}) and bare nine-digit runs are
 * matched only after a word that names an SSN ({@link KeywordBefore}): columns of numbers (an
 * access log's status, size and time, {@code 200 36 6646}), order ids, amounts in cents and zip+4
 * codes have that shape far more often than SSNs do.
 */
final class SocialSecurityNumbers {
    private static final int LENGTH = 11;
    private static final int BARE_LENGTH = 9;

    private SocialSecurityNumbers() {
    }

    /** {@code at} is a digit. */
    static long match(CharSequence s, int from, int at, int end) {
        if (CharClass.digits(s, at, BARE_LENGTH, end)) {
            return named(s, from, at, end);
        }
        if (at + LENGTH > end) {
            return Match.NONE;
        }
        char separator = s.charAt(at + 3);
        if ((separator != '-' && separator != ' ') || s.charAt(at + 6) != separator
                || !CharClass.digits(s, at, 3, end) || !CharClass.digits(s, at + 4, 2, end)
                || !CharClass.digits(s, at + 7, 4, end)
                || !NumberEdges.startsAt(s, from, at) || !NumberEdges.endsAt(s, at + LENGTH, end)) {
            return Match.NONE;
        }
        boolean spaced = separator == ' ';
        return issuable(number(s, at, 3), number(s, at + 4, 2), number(s, at + 7, 4))
                && (!spaced || KeywordBefore.names(s, from, at, KeywordBefore.SSN)) ? Match.of(at, at + LENGTH) : Match.NONE;
    }

    /** Nine bare digits after a word that names an SSN ({@code ssn=123456789}, {@code SSN: 123456789}). */
    private static long named(CharSequence s, int from, int at, int end) {
        if (!NumberEdges.startsAt(s, from, at) || !NumberEdges.endsAt(s, at + BARE_LENGTH, end)
                || !issuable(number(s, at, 3), number(s, at + 3, 2), number(s, at + 5, 4))
                || !KeywordBefore.names(s, from, at, KeywordBefore.SSN)) {
            return Match.NONE;
        }
        return Match.of(at, at + BARE_LENGTH);
    }

    private static boolean issuable(int area, int group, int serial) {
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private static int number(CharSequence s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
