package dev.primus.agent.masking;

/**
 * For password_kv: the parameters of a prepared statement as datasource-proxy logs them, after
 * its query on the same line ({@code Query:["insert into users (email, password) values (?, ?)"],
 * Params:[(bob@x.io,hunter2)]}, the default of Spring Boot's datasource decorator): a parameter is
 * a secret when its {@code ?} stands at a secret column's position in an insert's values
 * ({@link SqlInsertValues#isOfSecretColumn}) or right after a secret column's {@code =}
 * ({@code update users set password=? where id=?}). Found from the ':' after {@code Params}; the
 * parameters from the first secret one to the last, over a batch's rows, are masked as one span
 * (datasource-proxy neither quotes nor escapes them, so one holding a ',' may shift those after
 * it: the span errs towards more).
 */
final class PreparedStatementParams {
    private static final String PARAMS = "Params";
    private static final String QUERY = "Query:[\"";
    private static final int MAX_QUERY = 4096;
    private static final int MAX_ROWS = 16;

    private PreparedStatementParams() {
    }

    /** {@code at} is a ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at - PARAMS.length() < from || !TextSearch.startsWith(s, at - PARAMS.length(), at, PARAMS)
                || at + 2 >= end || s.charAt(at + 1) != '[' || s.charAt(at + 2) != '(') {
            return Match.NONE;
        }
        int queryStart = queryBefore(s, from, at);
        if (queryStart < 0) {
            return Match.NONE;
        }
        long secret = secretParameters(s, queryStart, at);
        if (secret == 0) {
            return Match.NONE;
        }
        int start = -1;
        int stop = -1;
        int item = at + 3;
        // A batch logs one row per execution, "(a,b),(c,d)": each row's parameters in the query's order.
        for (int row = 0; row < MAX_ROWS; row++) {
            int k = 0;
            while (k < LastStatement.MAX_PARAMETERS && item < end) {
                int itemEnd = item;
                while (itemEnd < end && s.charAt(itemEnd) != ',' && s.charAt(itemEnd) != ')' && s.charAt(itemEnd) != '\n') {
                    itemEnd++;
                }
                if ((secret & 1L << k) != 0 && itemEnd > item) {
                    start = start < 0 ? item : start;
                    stop = itemEnd;
                }
                k++;
                item = itemEnd + 1;
                if (itemEnd >= end || s.charAt(itemEnd) != ',') {
                    break;
                }
            }
            if (item + 1 >= end || s.charAt(item - 1) != ')' || s.charAt(item) != ',' || s.charAt(item + 1) != '(') {
                break;
            }
            item += 2;
        }
        return start < 0 || FrameworkValues.isOne(s, start, stop) ? Match.NONE : Match.of(start, stop);
    }

    /** Where the query that {@code Query:["} opens before {@code at} starts, on the same line; -1 when none. */
    private static int queryBefore(CharSequence s, int from, int at) {
        for (int i = at - QUERY.length(); i >= from && at - i <= MAX_QUERY; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == 'Q' && TextSearch.startsWith(s, i, at, QUERY)) {
                return i + QUERY.length();
            }
        }
        return -1;
    }

    /**
     * Bit k set: the k-th {@code ?} of the query in {@code s[start, end)}, outside quotes, binds a
     * secret; the query ends early at a {@code "]} (datasource-proxy's).
     */
    static long secretParameters(CharSequence s, int start, int end) {
        long secret = 0;
        int k = 0;
        boolean quoted = false;
        for (int i = start; i < end && k < LastStatement.MAX_PARAMETERS; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                if (SqlInsertValues.isOfSecretColumn(s, start, i) || isAssignedToSecret(s, start, i)) {
                    secret |= 1L << k;
                }
                k++;
            } else if (c == '"' && !quoted && i + 1 < end && s.charAt(i + 1) == ']') {
                break; // the query's closing quote; a quoted identifier's ("users") go on
            }
        }
        return secret;
    }

    /** Whether the {@code ?} at {@code at} follows {@code column =} of a column named like a secret. */
    private static boolean isAssignedToSecret(CharSequence s, int from, int at) {
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
