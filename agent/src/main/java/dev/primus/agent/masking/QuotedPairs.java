package dev.primus.agent.masking;

/**
 * For password_kv: a secret's value in a list of quoted arguments, the quoted argument after a
 * quoted key: Redis's {@code MONITOR} ({@code "HSET" "user:1" "password" "x"}), a tuple or an
 * argument list printed by a client ({@code ('api_key', 'x')}, {@code ["token", "x"]}). The key is
 * what a {@code key=value} pair's key would be ({@link PasswordValues#isKey}), in quotes of its own,
 * and the value the next argument, in the same quotes, after a space, or in single quotes after a
 * comma: a quote right after the key is what tells a key from a word in prose ({@code "the password"
 * is}). Not after a comma between double quotes, where SQL lists its quoted columns (jOOQ's
 * {@code ("id", "password", "email")}); nor a value of lower-case letters and '_' alone, a field's
 * name in a list of names ({@code "HMGET" "user:1" "password" "email"}). Asked at a
 * char of the key the scan stops at anyway (its first letter, the '_' of {@code api_key}, the
 * capital of {@code apiKey}): a double quote is no trigger, it would stop the scan at every JSON
 * string.
 */
final class QuotedPairs {
    /** A key's length between its quotes; the longest names in the key list are shorter. */
    private static final int MAX_KEY = 64;
    private static final int MAX_VALUE = 4096;

    private QuotedPairs() {
    }

    /** {@code at} is a char inside a word; nothing before {@code from} is read. */
    static long valueAfterKey(CharSequence s, int from, int at, int end) {
        int keyStart = at;
        while (keyStart > from && at - keyStart < MAX_KEY && isKeyChar(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart <= from || !isQuote(s.charAt(keyStart - 1))) {
            return Match.NONE;
        }
        char quote = s.charAt(keyStart - 1);
        int keyEnd = at;
        while (keyEnd < end && keyEnd - keyStart < MAX_KEY && isKeyChar(s.charAt(keyEnd))) {
            keyEnd++;
        }
        int open = keyEnd + 1;
        if (open < end && s.charAt(open) == ',' && quote == '\'') {
            open++;
        }
        if (open < end && s.charAt(open) == ' ') {
            open++;
        }
        if (open >= end || open == keyEnd + 1 || s.charAt(keyEnd) != quote || s.charAt(open) != quote
                || !PasswordValues.isKey(s, keyStart, keyEnd)) {
            return Match.NONE;
        }
        int limit = (int) Math.min(end, (long) open + 1 + MAX_VALUE);
        int close = open + 1;
        while (close < limit && s.charAt(close) != quote && s.charAt(close) != '\n' && s.charAt(close) != '\r') {
            close++;
        }
        if (close >= limit || s.charAt(close) != quote || FrameworkValues.isOneInQuotes(s, open + 1, close)
                || isFieldName(s, open + 1, close)) {
            return Match.NONE;
        }
        return Match.of(open + 1, close);
    }

    private static boolean isFieldName(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isLower(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** What a quoted key holds: a name's chars, a header's '-', a property's '.'. */
    private static boolean isKeyChar(char c) {
        return CharClass.isWord(c) || c == '-' || c == '.';
    }
}
