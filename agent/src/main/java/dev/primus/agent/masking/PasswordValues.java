package dev.primus.agent.masking;

/**
 * password_kv: the value of a secret-looking key, found from its separator. Keys are matched
 * case-insensitively, alone or as the last word of a longer key ({@code db_password},
 * {@code X-Auth-Token}, {@code clientSecret}), in the forms {@code k=v}, {@code k: v},
 * {@code "k":"v"}, {@code "k" : "v"} and {@code 'k'='v'}. Only the value is masked.
 *
 * <p>A quoted value runs to its closing quote (spaces included); an unquoted one to whitespace,
 * {@code &}, {@code ,}, {@code ;} or an escaped line break. A value that never ends (an unclosed
 * quote) is masked to the end of the message: over-masking a line beats leaking a password.
 * After {@code Authorization: Basic} and similar schemes the credential, not the scheme, is masked.
 */
final class PasswordValues {
    private static final String[] KEYS = {"password", "passwd", "pwd", "pass", "passphrase", "secret", "token",
        "api_key", "apikey", "api-key", "secret_key", "secretkey", "secret-key", "private_key", "privatekey",
        "auth", "authorization", "credentials", "credential"};
    /** Which lower-case ASCII chars end some key: the common ':' after a digit or "INFO" is rejected at once. */
    private static final boolean[] KEY_LAST_CHARS = new boolean[128];

    static {
        for (String key : KEYS) {
            KEY_LAST_CHARS[key.charAt(key.length() - 1)] = true;
        }
    }

    private static final String[] SCHEMES = {"basic", "bearer", "digest", "token", "negotiate"};
    private static final int MAX_SPACES = 3;
    private static final int MAX_QUOTED = 4096;

    private PasswordValues() {
    }

    /** {@code at} is '=' or ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        char separator = s.charAt(at);
        if (at + 1 < end && s.charAt(at + 1) == '=') { // "==", ":=" read as code, not as a setting
            return Match.NONE;
        }
        if (separator == '=' && at > from && "=!<>".indexOf(s.charAt(at - 1)) >= 0) {
            return Match.NONE;
        }
        int keyEnd = skipSpacesBack(s, from, at);
        if (keyEnd > from && (s.charAt(keyEnd - 1) == '"' || s.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
        }
        if (!endsWithKey(s, from, keyEnd)) {
            return Match.NONE;
        }
        int value = at + 1;
        while (value < end && value - at <= MAX_SPACES && s.charAt(value) == ' ') {
            value++;
        }
        if (value >= end) {
            return Match.NONE;
        }
        char open = s.charAt(value);
        if (open == '"' || open == '\'') {
            int close = closingQuote(s, value + 1, end, open);
            return close == value + 1 ? Match.NONE : Match.of(value + 1, close);
        }
        int stop = unquotedEnd(s, value, end);
        if (stop == value) {
            return Match.NONE;
        }
        if (stop + 1 < end && s.charAt(stop) == ' ' && isScheme(s, value, stop)) {
            int credential = stop + 1;
            int credentialEnd = unquotedEnd(s, credential, end);
            if (credentialEnd > credential) {
                return Match.of(credential, credentialEnd);
            }
        }
        return Match.of(value, stop);
    }

    private static int skipSpacesBack(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && at - i < MAX_SPACES && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    private static boolean endsWithKey(CharSequence s, int from, int keyEnd) {
        if (keyEnd <= from) {
            return false;
        }
        char last = s.charAt(keyEnd - 1);
        if (CharClass.isUpper(last)) {
            last = (char) (last + ('a' - 'A'));
        }
        if (last >= 128 || !KEY_LAST_CHARS[last]) {
            return false;
        }
        for (String key : KEYS) {
            int start = keyEnd - key.length();
            if (key.charAt(key.length() - 1) == last && start >= from
                    && TextSearch.startsWithIgnoreCase(s, start, keyEnd, key) && startsKeyWord(s, from, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a key word starts at {@code at}: after a non-letter, or as a camelCase hump. */
    private static boolean startsKeyWord(CharSequence s, int from, int at) {
        if (at == from || CharClass.isEscapedBreak(s, from, at - 1)) {
            return true;
        }
        char before = s.charAt(at - 1);
        return !CharClass.isAlnum(before) || (CharClass.isLower(before) && CharClass.isUpper(s.charAt(at)));
    }

    /**
     * The closing quote, or {@code end} when there is none within {@link #MAX_QUOTED} chars: the
     * bound keeps "password='" repeated a million times linear, and the value is then masked to
     * the end of the message.
     */
    private static int closingQuote(CharSequence s, int at, int end, char quote) {
        int limit = (int) Math.min(end, (long) at + MAX_QUOTED);
        int i = at;
        while (i < limit && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i < limit ? i : end;
    }

    private static int unquotedEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '&' || c == ',' || c == ';'
                    || (c == '\\' && i + 1 < end && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r'))) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isScheme(CharSequence s, int start, int stop) {
        for (String scheme : SCHEMES) {
            if (stop - start == scheme.length() && TextSearch.startsWithIgnoreCase(s, start, stop, scheme)) {
                return true;
            }
        }
        return false;
    }
}
