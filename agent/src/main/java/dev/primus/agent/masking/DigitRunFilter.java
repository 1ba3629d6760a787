package dev.primus.agent.masking;

/**
 * Which number detectors could match a digit run, from its length, first digit and the char after
 * it. One look at "2024-", "35 " or "48213." rules out every detector for most numbers in a log
 * line, so the five number detectors are not each called to find that out.
 */
final class DigitRunFilter {
    private static final int CARD = BuiltInDetector.CREDIT_CARD.bit();
    private static final int SSN = BuiltInDetector.US_SSN.bit();
    private static final int PHONE = BuiltInDetector.PHONE.bit();
    private static final int AADHAAR = BuiltInDetector.AADHAAR.bit();
    private static final int IP = BuiltInDetector.IP_ADDRESS.bit();
    /** Longer runs are counted no further: no number detector needs to tell 20 from 2000 digits. */
    private static final int MAX_RUN = 20;

    private DigitRunFilter() {
    }

    /** The detectors among number detectors that may match the digit run starting at {@code at}. */
    static int possible(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_RUN && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        int length = i - at;
        char first = s.charAt(at);
        char after = i < end ? s.charAt(i) : 0;
        boolean digitAfterSeparator = i + 1 < end && CharClass.isDigit(s.charAt(i + 1));
        boolean grouped = (after == ' ' || after == '-') && digitAfterSeparator;
        // After its first group, a grouped card or Aadhaar number goes on with four or more digits
        // (4-4-4-4, Amex 4-6-5): a date's "2026-11" is neither.
        boolean longGroups = grouped && secondGroupLength(s, i + 1, end) >= 4;
        int possible = 0;
        if (first >= '2' && first <= '6' && (length >= 13 || longGroups)) {
            possible |= CARD;
        }
        if (length == 3 && grouped) {
            possible |= SSN;
        }
        if ((length == 3 && (grouped || after == '.')) || (length == 1 && first == '1' && after != 0)
                || (length == 10 && first >= '6')) {
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

    /** The length of the digit run at {@code at}, counted up to 4. */
    private static int secondGroupLength(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < 4 && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        return i - at;
    }
}
