package dev.primus.agent.masking;

/**
 * A one-time code after "OTP" in a sentence, as the services that send it by SMS or e-mail log it:
 * {@code Sending OTP 482913 to +91...}, {@code OTP for user bob is 482913}, {@code Your OTP is:
 * 482913}, {@code OTP code 482913}. Only 4 to 10 digits that no letter, digit or decimal part goes
 * on after: "Erlang/OTP 26" and "OTP 25.3" name a platform's release. Only "OTP" in capitals: in
 * lower case the word is rare, and its 'o' starts "on", "of" and "or", where the scan would stop.
 * After a key ({@code otp=482913}) the code is {@link PasswordValues}'.
 */
final class OneTimeCodes {
    private static final String WORD = "OTP";
    /** What may stand between the word and the code: {@code OTP code 482913}, {@code OTP is 482913}. */
    private static final String[] CODE = {"code"};
    private static final String[] LINKS = {"is", "was"};
    private static final int MIN_DIGITS = 4;
    private static final int MAX_DIGITS = 10;
    private static final int MAX_SPACES = 3;

    private OneTimeCodes() {
    }

    /** Whether "OTP" stands at {@code at} as a word of its own: the scan's check before it asks. */
    static boolean mayStart(CharSequence s, int at, int end) {
        int wordEnd = at + WORD.length();
        return wordEnd < end && TextSearch.startsWith(s, at, end, WORD) && !CharClass.isWord(s.charAt(wordEnd));
    }

    /** {@code at} is the 'O' of an "OTP" that {@link #mayStart} let through. */
    static long match(CharSequence s, int at, int end) {
        int wordEnd = at + WORD.length();
        int value = TextSearch.pastSpaces(s, s.charAt(wordEnd) == ':' ? wordEnd + 1 : wordEnd, end, MAX_SPACES);
        if (value == wordEnd) {
            return Match.NONE;
        }
        int afterCode = ProsePasswords.afterOneOf(CODE, s, value, end, true);
        if (afterCode >= 0) {
            value = afterCode;
        }
        int linked = ProsePasswords.afterOwner(s, value, end, false);
        if (linked < 0) {
            linked = ProsePasswords.afterOneOf(LINKS, s, value, end, true);
        }
        if (linked >= 0) {
            value = linked;
        }
        int stop = value;
        while (stop < end && stop - value <= MAX_DIGITS && CharClass.isDigit(s.charAt(stop))) {
            stop++;
        }
        return stop - value >= MIN_DIGITS && stop - value <= MAX_DIGITS && endsCode(s, stop, end)
                ? Match.of(value, stop) : Match.NONE;
    }

    /** The end, or a char that is no letter or digit and starts no decimal part or date ({@code 2026.1}). */
    static boolean endsCode(CharSequence s, int at, int end) {
        if (at >= end) {
            return true;
        }
        char c = s.charAt(at);
        if (CharClass.isAlnum(c)) {
            return false;
        }
        return !(c == '.' || c == ',' || c == '-' || c == '/' || c == ':') || at + 1 >= end
                || !CharClass.isDigit(s.charAt(at + 1));
    }
}
