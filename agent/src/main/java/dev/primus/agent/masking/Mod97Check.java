package dev.primus.agent.masking;

/**
 * The ISO 13616 IBAN check: move the first four characters to the end, read letters as 10..35,
 * and the number mod 97 must be 1. Spaces are skipped; computed digit by digit, so no big numbers.
 * The check digits must be 02 to 98, the only ones ISO 7064 MOD 97-10 computes: 00, 01 and 99
 * leave the same remainder as 97, 98 and 02 and so pass the mod-97 test, but no IBAN has them.
 */
final class Mod97Check {
    private static final int LOWEST_CHECK = 2;
    private static final int HIGHEST_CHECK = 98;

    private Mod97Check() {
    }

    static boolean valid(CharSequence s, int start, int end) {
        int remainder = 0;
        int seen = 0;
        int check = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!CharClass.isAlnum(c)) {
                continue;
            }
            seen++;
            if (seen == 3 || seen == 4) {
                if (!CharClass.isDigit(c)) {
                    return false;
                }
                check = check * 10 + (c - '0');
            } else if (seen > 4) {
                remainder = append(remainder, c);
            }
        }
        if (check < LOWEST_CHECK || check > HIGHEST_CHECK) {
            return false;
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
