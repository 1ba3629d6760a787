package dev.primus.agent.masking;

/**
 * For password_kv: a request parameter's value as Tomcat's {@code Parameters} logs one it could
 * not decode, at INFO by default: {@code Character decoding failed. Parameter [password] with value
 * [hunter2%Secret9] has been ignored.} The name and the value each in brackets, the value masked
 * when the name is a secret key's ({@link PasswordValues#isKey}). Found from the name's first
 * char, a password word's 'p' at a word start ({@code [password]}, {@code [passwd]}, {@code [pwd]}),
 * or from a '_' inside the name ({@code [new_password]}: {@link #matchInName}).
 */
final class BracketedParameters {
    private static final String WITH_VALUE = "] with value [";
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 4096;

    private BracketedParameters() {
    }

    /** {@code at} is inside the name, after a '_': the name is read back from there to its '['. */
    static long matchInName(CharSequence s, int from, int at, int end) {
        int start = at;
        while (start > from && at - start < MAX_NAME && CharClass.isBase64Url(s.charAt(start - 1))) {
            start--;
        }
        return match(s, from, start, end);
    }

    /** {@code at} starts a word right after a '['; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at <= from || s.charAt(at - 1) != '[') {
            return Match.NONE;
        }
        int close = TextSearch.indexOf(s, ']', at, Math.min(end, at + MAX_NAME));
        if (close < 0 || !TextSearch.startsWith(s, close, end, WITH_VALUE) || !PasswordValues.isKey(s, at, close)) {
            return Match.NONE;
        }
        int value = close + WITH_VALUE.length();
        int stop = TextSearch.indexOf(s, ']', value, Math.min(end, value + MAX_VALUE));
        return stop <= value ? Match.NONE : Match.of(value, stop);
    }
}
