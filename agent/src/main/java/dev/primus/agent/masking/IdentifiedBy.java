package dev.primus.agent.masking;

/**
 * For password_kv: the password SQL gives an account in its {@code IDENTIFIED BY} clause, as a
 * statement log (p6spy, datasource-proxy, a migration tool at DEBUG) writes it whole:
 * <ul>
 * <li>single-quoted, in any case: {@code CREATE USER 'app'@'%' IDENTIFIED BY 'x'}, and MySQL 8's
 * form after the authentication plugin, {@code IDENTIFIED WITH caching_sha2_password BY 'x'}
 * (read from the quote, {@code PasswordValues}, which asks {@link #endsClause});
 * <li>Oracle's, unquoted or in double quotes, read from the {@code BY} in capitals:
 * {@code CREATE USER app IDENTIFIED BY Welcome1}, {@code ALTER USER app IDENTIFIED BY "Pa ss"}.
 * </ul>
 * Unquoted, the clause is read in capitals only ("Users IDENTIFIED by email" is a sentence), and
 * from the 'B' of {@code BY}, a capital at a word start that IBANs, PANs and "Bearer" make a
 * trigger already. What follows {@code BY} is no password when it is a keyword: MySQL's
 * {@code BY PASSWORD '*hash'}, Oracle's {@code BY VALUES 'hash'}.
 */
final class IdentifiedBy {
    private static final String[] IDENTIFIED = {"identified "};
    private static final String[] WITH = {"with "};
    private static final String BY = "BY ";
    /** The longest authentication plugin's name read: {@code authentication_ldap_simple}, with room. */
    private static final int MAX_PLUGIN = 48;
    private static final int MAX_VALUE = 128;
    private static final String[] KEYWORDS = {"password", "values"};

    private IdentifiedBy() {
    }

    /**
     * Whether the capital 'B' at {@code at} is the {@code BY} of an IDENTIFIED clause in capitals,
     * read back no further than {@code from}: what the scan checks before calling.
     */
    static boolean mayStart(CharSequence s, int from, int at, int end) {
        return TextSearch.startsWith(s, at, end, BY) && clauseBefore(s, from, at, true);
    }

    /** The unquoted or double-quoted password after the {@code BY} at {@code at}. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!mayStart(s, from, at, end)) {
            return Match.NONE;
        }
        int value = at + BY.length();
        if (value >= end) {
            return Match.NONE;
        }
        if (s.charAt(value) == '"') {
            int close = TextSearch.indexOf(s, '"', value + 1, (int) Math.min(end, (long) value + 1 + MAX_VALUE));
            return close > value + 1 && TextSearch.indexOf(s, '\n', value + 1, close) < 0 ? Match.of(value + 1, close)
                    : Match.NONE;
        }
        int stop = value;
        while (stop < end && stop - value < MAX_VALUE && isValueChar(s.charAt(stop))) {
            stop++;
        }
        if (stop == value || stop - value == MAX_VALUE || TextSearch.isOneOfIgnoreCase(s, value, stop, KEYWORDS)) {
            return Match.NONE; // a quote (read from the quote), a keyword, or no word at all
        }
        return Match.of(value, stop);
    }

    /**
     * Whether {@code s[from, keyEnd)} ends with {@code IDENTIFIED BY} or {@code IDENTIFIED WITH
     * <plugin> BY}, in any case: the key a single-quoted value after it belongs to.
     */
    static boolean endsClause(CharSequence s, int from, int keyEnd) {
        int by = keyEnd - 2;
        return by > from && TextSearch.startsWithIgnoreCase(s, by, keyEnd, "by") && clauseBefore(s, from, by, false);
    }

    /**
     * Whether "IDENTIFIED " or "IDENTIFIED WITH plugin " stands right before {@code by}, from
     * {@code from} on: in capitals when {@code capitals}, else in any case.
     */
    private static boolean clauseBefore(CharSequence s, int from, int by, boolean capitals) {
        if (by - 1 <= from || s.charAt(by - 1) != ' ') {
            return false;
        }
        if (endsWith(s, from, by, IDENTIFIED, capitals)) {
            return true;
        }
        int pluginEnd = by - 1;
        int plugin = pluginEnd;
        while (plugin > from && pluginEnd - plugin <= MAX_PLUGIN && CharClass.isWord(s.charAt(plugin - 1))) {
            plugin--;
        }
        return plugin < pluginEnd && endsWith(s, from, plugin, WITH, capitals)
                && endsWith(s, from, plugin - WITH[0].length(), IDENTIFIED, capitals);
    }

    /**
     * Whether {@code s[from, at)} ends with {@code lowerWord} as a word of its own ("UNIDENTIFIED
     * BY" does not): in capitals when {@code capitals}, else in any case.
     */
    private static boolean endsWith(CharSequence s, int from, int at, String[] lowerWord, boolean capitals) {
        if (!TextSearch.endsWithWordOf(s, from, at, lowerWord)) {
            return false;
        }
        for (int i = at - lowerWord[0].length(); capitals && i < at; i++) {
            if (CharClass.isLower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** What an unquoted password may hold: up to a space, or the ';', ',' or ')' that ends the statement's part. */
    private static boolean isValueChar(char c) {
        return c > ' ' && c != ';' && c != ',' && c != ')' && c != '\'' && c != '"' && c < 127;
    }
}
