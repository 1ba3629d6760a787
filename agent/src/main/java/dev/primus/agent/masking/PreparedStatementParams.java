package dev.primus.agent.masking;

/**
 * For password_kv: the parameters of a prepared statement as datasource-proxy logs them, after
 * its query on the same line ({@code Query:["insert into users (email, password) values (?, ?)"],
 * Params:[(bob@x.io,hunter2)]}, the default of Spring Boot's datasource decorator): a parameter is
 * a secret when its {@code ?} stands at a secret column's position in an insert's values
 * ({@link SqlInsertValues#isOfSecretColumn}) or right after a secret column's {@code =}
 * ({@code update users set password=? where id=?}). Found from the ':' after {@code Params}; the
 * parameters from the first secret one to the last, over a batch's rows, are masked as one span
 * (datasource-proxy neither quotes nor escapes them, so one holding a ',' reads as two: see
 * {@link #secretSpan}).
 */
final class PreparedStatementParams {
    private static final String PARAMS = "Params";
    private static final String QUERY = "Query:[\"";
    private static final int MAX_QUERY = 4096;
    private static final int MAX_ROWS = 16;
    private static final String OR = "or";

    private PreparedStatementParams() {
    }

    /** {@code at} is a ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.endsWith(s, from, at, PARAMS)
                || at + 2 >= end || s.charAt(at + 1) != '[' || s.charAt(at + 2) != '(') {
            return Match.NONE;
        }
        int queryStart = TextSearch.afterOnLine(s, from, at, QUERY, MAX_QUERY);
        if (queryStart < 0) {
            return Match.NONE;
        }
        long secret = secretParameters(s, queryStart, at);
        if (secret == 0) {
            return Match.NONE;
        }
        int placeholders = parameterCount(s, queryStart, at);
        int start = -1;
        int stop = -1;
        int row = at + 3;
        // A batch logs one row per execution, "(a,b),(c,d)": each row's parameters in the query's order.
        for (int r = 0; r < MAX_ROWS; r++) {
            int rowEnd = row;
            while (rowEnd < end && s.charAt(rowEnd) != ')' && s.charAt(rowEnd) != '\n') {
                rowEnd++;
            }
            long span = secretSpan(s, row, rowEnd, ",", secret, placeholders);
            if (span != Match.NONE) {
                start = start < 0 ? Match.start(span) : start;
                stop = Match.end(span);
            }
            if (rowEnd + 2 >= end || s.charAt(rowEnd) != ')' || s.charAt(rowEnd + 1) != ',' || s.charAt(rowEnd + 2) != '(') {
                break;
            }
            row = rowEnd + 3;
        }
        return start < 0 || FrameworkValues.isOne(s, start, stop) ? Match.NONE : Match.of(start, stop);
    }

    /**
     * In a list of values that {@code separator} joins, {@code s[list, close)}, neither quoted nor
     * escaped: the span from the first secret value to the last, or {@link Match#NONE}. A value
     * holding the separator reads as more than one: with m pieces for n placeholders, the k-th
     * value lies within pieces k to k + m - n however they fall, and the span reaches the last
     * secret's k + m - n, so a separator in a value before a secret never leaves the secret in clear.
     */
    static long secretSpan(CharSequence s, int list, int close, String separator, long secret, int placeholders) {
        int pieces = 1;
        for (int at = TextSearch.indexOf(s, separator, list, close); at >= 0;
                at = TextSearch.indexOf(s, separator, at + separator.length(), close)) {
            pieces++;
        }
        int first = Long.numberOfTrailingZeros(secret);
        int last = Long.SIZE - 1 - Long.numberOfLeadingZeros(secret) + Math.max(0, pieces - placeholders);
        int start = pieceStart(s, list, close, separator, first);
        int next = pieceStart(s, list, close, separator, last + 1);
        int stop = next < 0 ? close : next - separator.length();
        return start < 0 || stop <= start ? Match.NONE : Match.of(start, stop);
    }

    /** Where the {@code index}-th (0-based) piece of {@code s[list, close)} starts; -1 past the last. */
    private static int pieceStart(CharSequence s, int list, int close, String separator, int index) {
        int start = list;
        for (int k = 0; k < index; k++) {
            int at = TextSearch.indexOf(s, separator, start, close);
            if (at < 0) {
                return -1;
            }
            start = at + separator.length();
        }
        return start;
    }

    /**
     * Bit k set: the k-th {@code ?} of the query in {@code s[start, end)}, outside quotes, binds a
     * secret; the query ends early at a {@code "]} (datasource-proxy's). Conditions that {@code OR}
     * joins bind one value as often as there are columns to look it up in, as Spring Authorization
     * Server finds a token of any kind ({@code WHERE state = ? OR authorization_code_value = ? OR
     * access_token_value = ? ...}): where one of them is a secret column's, all of them bind a secret.
     */
    static long secretParameters(CharSequence s, int start, int end) {
        long secret = 0;
        long group = 0; // the parameters of the run of conditions OR joins that the last one ends
        int k = 0;
        int previous = -1;
        for (int i = nextPlaceholder(s, start, end); i >= 0 && k < LastStatement.MAX_PARAMETERS;
                i = nextPlaceholder(s, i + 1, end)) {
            if (previous < 0 || !TextSearch.containsWordIgnoreCase(s, previous + 1, i, OR)) {
                group = 0;
            }
            group |= 1L << k;
            if (SqlInsertValues.isOfSecretColumn(s, start, i) || isAssignedToSecret(s, start, i)) {
                secret |= 1L << k;
            }
            if ((secret & group) != 0) {
                secret |= group;
            }
            previous = i;
            k++;
        }
        return secret;
    }

    /** How many {@code ?} the query in {@code s[start, end)} has, as {@link #secretParameters} reads it. */
    static int parameterCount(CharSequence s, int start, int end) {
        int count = 0;
        for (int i = nextPlaceholder(s, start, end); i >= 0; i = nextPlaceholder(s, i + 1, end)) {
            count++;
        }
        return count;
    }

    /**
     * The first {@code ?} at or after {@code from} outside a quoted SQL string ('' inside one is
     * two quotes, and reads so), before the query ends at a {@code "]} (datasource-proxy's closing
     * quote; a quoted identifier's, "users", goes on); -1 when none.
     */
    private static int nextPlaceholder(CharSequence s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                i = TextSearch.indexOf(s, '\'', i + 1, end);
                if (i < 0) {
                    return -1; // an unclosed string holds the rest
                }
            } else if (c == '?') {
                return i;
            } else if (c == '"' && i + 1 < end && s.charAt(i + 1) == ']') {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the {@code ?} at {@code at} follows {@code column =} of a column named like a secret. */
    static boolean isAssignedToSecret(CharSequence s, int from, int at) {
        int equals = SqlInsertValues.spacesBack(s, from, at) - 1;
        if (equals < from || s.charAt(equals) != '=') {
            return false;
        }
        int nameEnd = SqlInsertValues.spacesBack(s, from, equals);
        int i = nameEnd;
        while (i > from && (CharClass.isWord(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
            i--;
        }
        return nameEnd > i && PasswordValues.isSecretName(s, i, nameEnd);
    }
}
