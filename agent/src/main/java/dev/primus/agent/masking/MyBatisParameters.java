package dev.primus.agent.masking;

/**
 * For password_kv: the parameters MyBatis logs for the statement it logged just before, on the
 * same thread ({@code ==>  Preparing: insert into users (name, password) values (?, ?)}, then
 * {@code ==> Parameters: bob(String), hunter2(String)}), at DEBUG, as many services run it. The
 * statement's line marks which {@code ?} bind a secret ({@link PreparedStatementParams#secretParameters}),
 * and the thread keeps that until its next statement: the parameters' line has no name beside any
 * value ({@link LastStatement}). Its values are read up to each {@code (Type), } MyBatis appends,
 * so a value holding {@code ", "} stays one value; a {@code null} has no type. Found from the
 * first '=' of {@code ==>}, which no key=value reads.
 */
final class MyBatisParameters {
    private static final String PREPARING = "==>  Preparing:";
    private static final String PARAMETERS = "==> Parameters:";
    private static final String NULL = "null";
    /**
     * A statement's chars read at most: the scan meets every {@code ==>} of a text, so that a text
     * of many is not read to its end from each.
     */
    private static final int MAX_STATEMENT = 4096;
    private static final int MAX_TYPE = 64;

    private MyBatisParameters() {
    }

    /** {@code at} is the first '=' of MyBatis's {@code ==>}. */
    static long match(CharSequence s, int at, int end) {
        if (TextSearch.startsWith(s, at, end, PREPARING)) {
            int sql = at + PREPARING.length();
            int sqlEnd = TextSearch.lineEnd(s, sql, (int) Math.min(end, (long) sql + MAX_STATEMENT));
            LastStatement.logged(PreparedStatementParams.secretParameters(s, sql, sqlEnd));
            return Match.NONE;
        }
        if (!TextSearch.startsWith(s, at, end, PARAMETERS)) {
            return Match.NONE;
        }
        long secret = LastStatement.secretParameters();
        if (secret == 0) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, at, end);
        int item = at + PARAMETERS.length();
        while (item < lineEnd && s.charAt(item) == ' ') {
            item++;
        }
        int start = -1;
        int stop = -1;
        for (int k = 0; k < LastStatement.MAX_PARAMETERS && item < lineEnd; k++) {
            int valueEnd = valueEnd(s, item, lineEnd);
            if ((secret & 1L << k) != 0 && valueEnd > item && !TextSearch.startsWith(s, item, valueEnd, NULL)) {
                start = start < 0 ? item : start;
                stop = valueEnd;
            }
            item = nextItem(s, valueEnd, lineEnd);
        }
        return start < 0 ? Match.NONE : Match.of(start, stop);
    }

    /** Where the value at {@code item} ends: at the '(' of its {@code (Type)}, or after {@code null}. */
    private static int valueEnd(CharSequence s, int item, int lineEnd) {
        if (TextSearch.startsWith(s, item, lineEnd, NULL) && (item + NULL.length() == lineEnd
                || s.charAt(item + NULL.length()) == ',')) {
            return item + NULL.length();
        }
        for (int close = item; close < lineEnd; close++) {
            if (s.charAt(close) == ')' && (close + 1 == lineEnd || s.charAt(close + 1) == ',')) {
                int open = close - 1;
                while (open > item && close - open <= MAX_TYPE && isTypeChar(s.charAt(open))) {
                    open--;
                }
                if (s.charAt(open) == '(' && open < close - 1) {
                    return open;
                }
            }
        }
        return lineEnd;
    }

    /** Past the value's {@code (Type)} and the ", " after it. */
    private static int nextItem(CharSequence s, int valueEnd, int lineEnd) {
        int i = valueEnd;
        if (i < lineEnd && s.charAt(i) == '(') {
            while (i < lineEnd && s.charAt(i) != ')') {
                i++;
            }
            i++;
        }
        if (i < lineEnd && s.charAt(i) == ',') {
            i++;
        }
        while (i < lineEnd && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isTypeChar(char c) {
        return CharClass.isWord(c) || c == '.' || c == '$';
    }
}
