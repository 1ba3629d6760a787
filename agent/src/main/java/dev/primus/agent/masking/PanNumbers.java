package dev.primus.agent.masking;

/**
 * pan: the Indian Permanent Account Number, {@code AAAPA1234A}: five upper-case letters, four
 * digits, one letter, whose fourth letter names the holder type (P person, C company, H HUF,
 * F firm, A AOP, T trust, B BOI, L local authority, J juridical person, G government).
 */
final class PanNumbers {
    private static final int LENGTH = 10;
    private static final String HOLDER_TYPES = "PCHFATBLJG";

    private PanNumbers() {
    }

    /** {@code at} is an upper-case letter at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at + LENGTH > end || CharClass.wordBefore(s, from, at) || CharClass.wordAt(s, at + LENGTH, end)) {
            return Match.NONE;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(at + i);
            boolean ok = i >= 5 && i <= 8 ? CharClass.isDigit(c) : CharClass.isUpper(c);
            if (!ok || (i == 3 && HOLDER_TYPES.indexOf(c) < 0)) {
                return Match.NONE;
            }
        }
        return Match.of(at, at + LENGTH);
    }
}
