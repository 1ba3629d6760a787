package dev.primus.agent.masking;

/**
 * iban: two-letter country code, two check digits and the BBAN, compact or in groups of four
 * separated by single spaces, exactly as long as that country's IBANs, and mod-97 == 1.
 */
final class Ibans {
    private Ibans() {
    }

    /** {@code at} is an upper-case letter at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at + 4 > end || !CharClass.isUpper(s.charAt(at + 1))
                || !CharClass.isDigit(s.charAt(at + 2)) || !CharClass.isDigit(s.charAt(at + 3))) {
            return Match.NONE;
        }
        int length = IbanLengths.of(s.charAt(at), s.charAt(at + 1));
        if (length == 0 || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        boolean grouped = at + 4 < end && s.charAt(at + 4) == ' ';
        int count = 0;
        int i = at;
        while (count < length) {
            if (i >= end) {
                return Match.NONE;
            }
            char c = s.charAt(i);
            boolean groupDone = grouped && count > 0 && count % 4 == 0 && s.charAt(i - 1) != ' ';
            if (groupDone ? c != ' ' : !(CharClass.isDigit(c) || CharClass.isUpper(c))) {
                return Match.NONE;
            }
            if (!groupDone) {
                count++;
            }
            i++;
        }
        if (CharClass.wordAt(s, i, end) || !Mod97Check.valid(s, at, i)) {
            return Match.NONE;
        }
        return Match.of(at, i);
    }
}
