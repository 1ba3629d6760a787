package dev.primus.agent.masking;

/**
 * For password_kv: a short code that the word before it names, a space apart, as a sentence or
 * a template with its arguments writes it: a card's security code ({@code card 4111... exp 12/26
 * cvv 123}, {@code CVC2 4821}, {@code security code 123}: 3 or 4 digits) and a one-time code in any
 * case ({@code your otp is 482913}, {@code totp 482913}, {@code Your verification code is 482913},
 * {@code 2FA code 482913}, {@code one-time password 48291307}: 4 to 10 digits). After a key's '=' or ':' ({@code cvv=123},
 * {@code otp: 482913}) the code is {@link PasswordValues}'; "OTP" in capitals before other words
 * ({@code OTP code 482913}) is {@link OneTimeCodes}'.
 *
 * <p>The scan finds such a code from its digit run ({@link DigitRunFilter}), which asks
 * {@link #mayBeNamed} first: most runs of 3 to 10 digits in a log line ({@code took 125 ms},
 * {@code port 8080}) follow a char that ends none of these words, and are ruled out by it.
 */
final class NamedCodes {
    private static final String[] CARD_CODE_WORDS = {"cvv", "cvv2", "cvc", "cvc2", "csc", "securitycode"};
    /**
     * Compared as {@link KeywordBefore} compares, so {@code verification code}, {@code 2FA code}
     * and {@code one-time password} are the words below. Not "code" alone: an error's or a
     * product's code is one too.
     */
    private static final String[] ONE_TIME_WORDS = {"otp", "totp", "verificationcode", "confirmationcode", "2facode",
        "mfacode", "smscode", "logincode", "signincode", "resetcode", "securitycode", "onetimecode", "authcode",
        "authenticationcode", "passcode", "onetimepassword", "onetimepasscode", "verifycode",
        "activationcode", "emailcode", "twofactorcode"};
    /** How far back from a code its owner's "for " is looked for: four words of an account's name. */
    private static final int MAX_OWNER_REACH = 96;
    private static final String FOR = " for ";
    private static final int MIN_CARD_CODE = 3;
    private static final int MAX_CARD_CODE = 4;
    private static final int MIN_ONE_TIME_CODE = 4;
    private static final int MAX_ONE_TIME_CODE = 10;

    private NamedCodes() {
    }

    /**
     * Whether the run of {@code length} digits at {@code at} may be such a code: after a space that
     * follows the last letter of one of the words, or "is" ({@code otp is 482913}).
     */
    static boolean mayBeNamed(CharSequence s, int at, int length) {
        if (length < MIN_CARD_CODE || length > MAX_ONE_TIME_CODE || at < 3 || s.charAt(at - 1) != ' ') {
            return false;
        }
        char last = (char) (s.charAt(at - 2) | 0x20);
        char before = (char) (s.charAt(at - 3) | 0x20);
        // "...de" ends code (a security code too, 3 digits as a card's), "...rd" password.
        if (length <= MAX_CARD_CODE && (last == 'v' || last == 'c' || last == '2' || last == 'e' && before == 'd')) {
            return true;
        }
        // ':' and "is" also end whose code it is: "verification code for bob: 482913".
        return length >= MIN_ONE_TIME_CODE && (last == 'p' || last == 's' && before == 'i' || last == ':'
                || last == 'e' && before == 'd' || last == 'd' && before == 'r');
    }

    /**
     * {@code at} is the first digit of a run {@link #mayBeNamed} let through; {@code from} is where
     * the last value found ends, {@code textStart} where the text starts: whose code it is may be
     * a value masked already ({@code code for bob@example.com is 482913}).
     */
    static long match(CharSequence s, int textStart, int from, int at, int end) {
        int stop = DigitRunFilter.runEnd(s, at, end); // at most 10 digits: mayBeNamed saw them end
        int length = stop - at;
        if (!OneTimeCodes.endsCode(s, stop, end)) {
            return Match.NONE;
        }
        boolean cardCode = length >= MIN_CARD_CODE && length <= MAX_CARD_CODE;
        boolean oneTimeCode = length >= MIN_ONE_TIME_CODE && length <= MAX_ONE_TIME_CODE;
        boolean named = cardCode && KeywordBefore.names(s, from, at, CARD_CODE_WORDS)
                || oneTimeCode && (KeywordBefore.names(s, from, at, ONE_TIME_WORDS)
                        || namedForItsOwner(s, textStart, at, end));
        return named ? Match.of(at, stop) : Match.NONE;
    }

    /**
     * Whether a one-time code's words name the code at {@code at} across whose it is, as
     * {@link ProsePasswords#afterOwner} reads a password's: {@code Verification code for bob: 482913},
     * {@code OTP code for user 42 is 482913}. The nearest "for " within reach of the code is read.
     */
    private static boolean namedForItsOwner(CharSequence s, int from, int at, int end) {
        int space = TextSearch.lastIndexOfIgnoreCase(s, Math.max(from, at - MAX_OWNER_REACH), at, FOR);
        return space >= 0 && ProsePasswords.afterOwner(s, space + 1, end, false) == at
                && KeywordBefore.names(s, from, space + 1, ONE_TIME_WORDS);
    }
}
