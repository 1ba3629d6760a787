package dev.primus.agent.masking;

/**
 * us_ssn: {@code AAA-GG-SSSS}, dashes or spaces, with the numbers the SSA never issues left out
 * (area 000, 666, 900-999; group 00; serial 0000). Bare nine-digit runs are not matched: order
 * ids, amounts in cents and zip+4 codes have that shape far more often than SSNs do.
 */
final class SocialSecurityNumbers {
    private static final int LENGTH = 11;

    private SocialSecurityNumbers() {
    }

    /** {@code at} is a digit. */
    static long match(CharSequence s, int from, int at, int end) {
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
        int area = number(s, at, 3);
        int group = number(s, at + 4, 2);
        int serial = number(s, at + 7, 4);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return Match.NONE;
        }
        return Match.of(at, at + LENGTH);
    }

    private static int number(CharSequence s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
