package dev.primus.agent.masking;

/** The Luhn (mod 10) check digit of card numbers. Separators between the digits are skipped. */
final class LuhnCheck {
    private LuhnCheck() {
    }

    static boolean valid(CharSequence s, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (!CharClass.isDigit(c)) {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
