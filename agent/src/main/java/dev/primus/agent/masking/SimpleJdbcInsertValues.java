package dev.primus.agent.masking;

/**
 * For password_kv: the values Spring's {@code SimpleJdbcInsert} logs with its statement on one
 * line at DEBUG ({@code The following parameters are used for insert INSERT INTO users (id, name,
 * password) VALUES(?, ?, ?) with: [1, bob, hunter2]}): a value is a secret when its {@code ?}
 * stands at a secret column's place ({@link PreparedStatementParams#secretParameters}). Found from
 * the ':' after {@code with}.
 *
 * <p>The list is a Java {@code List}'s {@code toString}: values joined by ", ", neither quoted nor
 * escaped, so a value holding ", " reads as two ({@link PreparedStatementParams#secretSpan}).
 */
final class SimpleJdbcInsertValues {
    private static final String INSERT = "The following parameters are used for insert ";
    private static final String WITH = "with";
    private static final String SEPARATOR = ", ";
    private static final int MAX_STATEMENT = 4096;

    private SimpleJdbcInsertValues() {
    }

    /** {@code at} is a ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        int statementEnd = at - WITH.length() - 1;
        if (statementEnd <= from || !TextSearch.startsWith(s, statementEnd, at, " " + WITH)
                || at + 2 >= end || s.charAt(at + 1) != ' ' || s.charAt(at + 2) != '[') {
            return Match.NONE;
        }
        int statement = TextSearch.afterOnLine(s, from, statementEnd, INSERT, MAX_STATEMENT);
        long secret = statement < 0 ? 0 : PreparedStatementParams.secretParameters(s, statement, statementEnd);
        if (secret == 0) {
            return Match.NONE;
        }
        int placeholders = PreparedStatementParams.parameterCount(s, statement, statementEnd);
        int list = at + 3;
        int close = TextSearch.lineEnd(s, list, end) - 1;
        while (close >= list && s.charAt(close) != ']') {
            close--;
        }
        if (close < list) {
            return Match.NONE;
        }
        long span = PreparedStatementParams.secretSpan(s, list, close, SEPARATOR, secret, placeholders);
        return span == Match.NONE || FrameworkValues.isOne(s, Match.start(span), Match.end(span)) ? Match.NONE : span;
    }
}
