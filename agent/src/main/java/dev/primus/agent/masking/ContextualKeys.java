package dev.primus.agent.masking;

/**
 * For password_kv: keys that name no secret by their word, but do where they stand.
 * <ul>
 * <li>OAuth 2.0's authorization code in a redirect's query ({@code /callback?code=4/0AX4XfWj...&state=...}),
 * as an access log or a framework's request log writes it: the code buys tokens until it is used.
 * Only {@code code} right after {@code ?} or {@code &}, and a value that reads as generated (see
 * {@link #isGenerated}): {@code ?code=200}, {@code &code=ERR_TIMEOUT} stay.
 * <li>The line Elasticsearch's {@code elasticsearch-setup-passwords} prints for every built-in user,
 * {@code PASSWORD kibana_system = Xk9mP2qLw8zT}: a user's name between the word and the '='.
 * </ul>
 */
final class ContextualKeys {
    private static final String CODE = "code";
    private static final String SETUP_PASSWORD = "PASSWORD ";
    /** The shortest authorization code read as one: providers issue 20 to 500 chars. */
    private static final int MIN_CODE = 16;

    private ContextualKeys() {
    }

    /** Whether the key ending at {@code keyEnd}, before a '=', names a secret where it stands. */
    static boolean namesSecret(CharSequence s, int from, int keyEnd) {
        int name = KeyedValue.nameStart(s, from, keyEnd);
        return isQueryCode(s, from, name, keyEnd) || isSetupPassword(s, from, name);
    }

    /** Whether {@code value}, found after such a key, is one to mask. */
    static boolean isSecretValue(CharSequence s, int from, int keyEnd, long value) {
        int name = KeyedValue.nameStart(s, from, keyEnd);
        return !isQueryCode(s, from, name, keyEnd) || isGenerated(s, Match.start(value), Match.end(value));
    }

    private static boolean isQueryCode(CharSequence s, int from, int name, int keyEnd) {
        return name > from && keyEnd - name == CODE.length() && TextSearch.startsWith(s, name, keyEnd, CODE)
                && (s.charAt(name - 1) == '?' || s.charAt(name - 1) == '&');
    }

    private static boolean isSetupPassword(CharSequence s, int from, int name) {
        int word = name - SETUP_PASSWORD.length();
        return word >= from && TextSearch.startsWith(s, word, name, SETUP_PASSWORD)
                && (word == from || !CharClass.isWord(s.charAt(word - 1)));
    }

    /** At least {@link #MIN_CODE} chars with a letter and a digit among them. */
    private static boolean isGenerated(CharSequence s, int start, int stop) {
        if (stop - start < MIN_CODE) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            letter |= CharClass.isLetter(c);
            digit |= CharClass.isDigit(c);
        }
        return letter && digit;
    }
}
