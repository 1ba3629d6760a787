package dev.primus.agent.masking;

/**
 * The ISO 13616 IBAN check: move the first four characters to the end, read letters as 10..35,
 * and the number mod 97 must be 1. Spaces are skipped; computed digit by digit, so no big numbers.
 */
final class Mod97Check {
    private Mod97Check() {
    }

    static boolean valid(CharSequence s, int start, int end) {
        int remainder = 0;
        int seen = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (CharClass.isAlnum(c) && ++seen > 4) {
                remainder = append(remainder, c);
            }
        }
        seen = 0;
        for (int i = start; i < end && seen < 4; i++) {
            char c = s.charAt(i);
            if (CharClass.isAlnum(c)) {
                remainder = append(remainder, c);
                seen++;
            }
        }
        return remainder == 1;
    }

    private static int append(int remainder, char c) {
        if (CharClass.isDigit(c)) {
            return (remainder * 10 + (c - '0')) % 97;
        }
        int value = CharClass.isUpper(c) ? c - 'A' + 10 : c - 'a' + 10;
        return (remainder * 100 + value) % 97;
    }
}
