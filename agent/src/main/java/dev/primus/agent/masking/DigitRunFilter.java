package dev.primus.agent.masking;

/**
 * Which number detectors could match a digit run, from its length, first digit and the char after
 * it. One look at "2024-", "35 " or "48213." rules out every detector for most numbers in a log
 * line, so the five number detectors are not each called to find that out. A date or time
 * ({@link DateTimeSkip}) is ruled out as a whole, not field by field.
 */
final class DigitRunFilter {
    private static final int CARD = BuiltInDetector.CREDIT_CARD.bit();
    private static final int SSN = BuiltInDetector.US_SSN.bit();
    private static final int PHONE = BuiltInDetector.PHONE.bit();
    private static final int AADHAAR = BuiltInDetector.AADHAAR.bit();
    private static final int IP = BuiltInDetector.IP_ADDRESS.bit();
    /**
     * A card's security code or a one-time code the word before names ({@code cvv 123}, {@code otp
     * 482913}: {@link NamedCodes}), which password_kv reads: the one detector here that no digit
     * triggers, so the scan keeps it only where this filter answers it.
     */
    static final int NAMED_CODE = BuiltInDetector.PASSWORD_KV.bit();
    /** Longer runs are counted no further: no number detector needs to tell 20 from 2000 digits. */
    private static final int MAX_RUN = 20;

    private DigitRunFilter() {
    }

    /**
     * For the digit run at {@code at}: the number detectors that may match there, and how far the
     * scan can go on when none does (past the run, counted up to {@link #MAX_RUN}, or past a
     * date or time), packed; read them with {@link #detectors} and {@link #quietEnd}.
     */
    static long possible(CharSequence s, int at, int end) {
        int i = runEnd(s, at, end);
        int length = i - at;
        char after = i < end ? s.charAt(i) : 0;
        int named = NamedCodes.mayBeNamed(s, at, length) ? NAMED_CODE : 0;
        // Most numbers in a log line are short and followed by a space and a word, ',' or ')',
        // which no detector needs: say so at once. Small, so that the JIT can inline it in the scan.
        if (length < 9 && !(length == 1 && countryCodeOne(s, at, i, end, after)) && after != '.' && after != ':'
                && !CharClass.isHex(after) && !((after == ' ' || after == '-' || after == '/' || after == '+') && i + 1 < end
                && CharClass.isDigit(s.charAt(i + 1)))) {
            return (long) i << 32 | named;
        }
        int quiet = length == 4 && after == '-' ? DateTimeSkip.afterYear(s, at, end)
                : length == 2 && after == ':' ? DateTimeSkip.afterHour(s, at, end) : at;
        if (quiet > at) {
            return (long) quiet << 32;
        }
        return (long) i << 32 | detectorsFor(s, at, i, end, length, after) | named;
    }

    static int detectors(long possible) {
        return (int) possible;
    }

    static int quietEnd(long possible) {
        return (int) (possible >>> 32);
    }

    /**
     * Where the digit run at {@code at} ends, counted up to {@link #MAX_RUN}. Most runs in a log
     * line have one to four digits: those cost no loop, whose set-up would cost more than they do.
     */
    static int runEnd(CharSequence s, int at, int end) {
        int i = at + 1;
        if (i == end || !CharClass.isDigit(s.charAt(i))) {
            return i;
        }
        if (++i == end || !CharClass.isDigit(s.charAt(i))) {
            return i;
        }
        if (++i == end || !CharClass.isDigit(s.charAt(i))) {
            return i;
        }
        if (++i == end || !CharClass.isDigit(s.charAt(i))) {
            return i;
        }
        int limit = Math.min(end, at + MAX_RUN);
        do {
            i++;
        } while (i < limit && CharClass.isDigit(s.charAt(i)));
        return i;
    }

    /** The run {@code s[at, i)} of {@code length} digits, followed by {@code after} (0 at the end). */
    private static int detectorsFor(CharSequence s, int at, int i, int end, int length, char after) {
        char first = s.charAt(at);
        boolean digitAfterSeparator = i + 1 < end && CharClass.isDigit(s.charAt(i + 1));
        // A form body's '+' is a space: card=4111+1111+1111+1111, phone=020+7946+0958.
        boolean grouped = (after == ' ' || after == '-' || after == '+') && digitAfterSeparator;
        // After its first group, a grouped card or Aadhaar number goes on with four or more digits
        // (4-4-4-4, Amex 4-6-5): a date's "2026-11" is neither.
        boolean longGroups = grouped && secondGroupLength(s, i + 1, end) >= 4;
        int possible = 0;
        if ((first >= '2' && first <= '6' || first == '8') && (length >= 13 || longGroups)) {
            possible |= CARD;
        }
        // Nine and ten bare digits: an SSN or a phone only when a word names them (KeywordBefore).
        if ((length == 3 && grouped) || length == 9) {
            possible |= SSN;
        }
        // A phone's groups may be joined by '.', and an area code followed by '/' (030/12345678).
        if (phone(s, at, i, end, length, after, grouped || ((after == '.' || after == '/') && digitAfterSeparator))) {
            possible |= PHONE;
        }
        if (first >= '2' && (length == 12 || (length == 4 && longGroups))) {
            possible |= AADHAAR;
        }
        if ((length <= 3 && after == '.') || after == ':' || CharClass.isHex(after)) {
            possible |= IP;
        }
        return possible;
    }

    /**
     * Whether a phone may start at the run {@code s[at, i)}, followed by {@code after} and, when
     * {@code grouped}, by a digit after it. A method of its own: folded into detectorsFor, it makes
     * that too big for the JIT to inline into the scan, which then runs about 15% slower on a clean line.
     */
    private static boolean phone(CharSequence s, int at, int i, int end, int length, char after, boolean grouped) {
        // A national number a word names may come in groups after its trunk prefix (06 12 34 56 78,
        // 030 1234567), never a lone 0: "0.93" and "0 5" are the common ones, and neither is a phone;
        // without it, from a group of four or five (India's 98765 43210). Longer bare runs from 2-9 up
        // to E.164's 15 (msisdn=4915123456789; epoch millis start with 1), or after 00 (00442079460958).
        return (length == 3 && (grouped || after == '.')) || (length == 1 && countryCodeOne(s, at, i, end, after))
                || (length >= 2 && length <= PhoneNumbers.MAX_GROUP && grouped
                        && (s.charAt(at) == '0' || length >= 4))
                || (length >= PhoneNumbers.MIN_NAMED && (length <= PhoneNumbers.MAX_NAMED_BARE
                || length <= PhoneNumbers.E164_MAX && s.charAt(at) >= '2'
                || (s.charAt(at) == '0' && s.charAt(at + 1) == '0')));
    }

    /**
     * Whether the one-digit run {@code s[at, i)} is the 1 before a North American number:
     * {@code 1-415}, {@code 1 (415}, {@code 1.415}, as phone reads it (an area code starts with 2-9).
     */
    private static boolean countryCodeOne(CharSequence s, int at, int i, int end, char after) {
        if (s.charAt(at) != '1' || (after != '-' && after != '.' && after != ' ') || i + 1 >= end) {
            return false;
        }
        char next = s.charAt(i + 1);
        return next == '(' || (next >= '2' && next <= '9');
    }

    /** The length of the digit run at {@code at}, counted up to 4. */
    private static int secondGroupLength(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < 4 && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        return i - at;
    }
}
