package dev.primus.agent.masking;

/**
 * Whether a number's leading digits (its IIN) and length belong to a card network that issues
 * cards. A Luhn-valid number outside every range (starting 1, 7, 9, most of 3 and 8) is an id,
 * not a card. RuPay, India's domestic network, issues 16 digits in 60, 65, 81, 82, 508, 353 and
 * 356; UnionPay also in 81.
 */
final class CardIssuerRanges {
    private CardIssuerRanges() {
    }

    /** {@code iin} is the first six digits; {@code length} the number of digits. */
    static boolean issued(int iin, int length) {
        int one = iin / 100000;
        int two = iin / 10000;
        int three = iin / 1000;
        int four = iin / 100;
        if (one == 4) { // Visa
            return length == 13 || length == 16 || length == 19;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) { // Mastercard
            return length == 16;
        }
        if (four >= 2200 && four <= 2204) { // Mir
            return length >= 16;
        }
        if (two == 34 || two == 37) { // American Express
            return length == 15;
        }
        if (four >= 3528 && four <= 3589) { // JCB
            return length >= 16;
        }
        if ((three >= 300 && three <= 305) || four == 3095) { // Diners (Carte Blanche ranges): 14 digits only
            return length == 14;
        }
        if (two == 36 || two == 38 || two == 39) { // Diners International
            return length >= 14;
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65 || two == 62) { // Discover, UnionPay
            return length >= 16;
        }
        if (two == 60 || two == 81 || two == 82 || three == 508 || three == 353 || three == 356) { // RuPay, UnionPay's 81
            return length == 16;
        }
        // Maestro, the only network with 12- and 13-digit numbers besides Visa: its published IINs,
        // not the whole 50 and 56-69 block ISO reserves, where most Luhn-valid 16-digit ids fall.
        return length >= 12 && (four == 5018 || four == 5020 || four == 5038 || four == 5893 || four == 6304
                || four == 6759 || four == 6761 || four == 6762 || four == 6763 || iin == 676770 || iin == 676774);
    }

    /** The first six digits of the number in {@code [start, end)}, separators skipped. */
    static int iin(CharSequence s, int start, int end) {
        int value = 0;
        int digits = 0;
        for (int i = start; i < end && digits < 6; i++) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                value = value * 10 + (c - '0');
                digits++;
            }
        }
        return value;
    }
}
