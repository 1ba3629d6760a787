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
 * <p>
 * Its result rows too, at TRACE: {@code <==    Columns: id, name, password} marks which columns
 * hold a secret (their names as an insert's are read, {@link PasswordValues#isSecretName}), and
 * each {@code <==        Row: 1, bob, hunter2} after it masks their values, from the first such
 * column's to the last's as one span. A row's values are joined by {@code ", "} with no type after
 * them, so a value holding one shifts those after it: where a row has more values than its header
 * has names, the span runs from the first secret column's value to the row's end.
 */
final class MyBatisParameters {
    private static final String PREPARING = "==>  Preparing:";
    private static final String PARAMETERS = "==> Parameters:";
    private static final String COLUMNS = "==    Columns: ";
    private static final String ROW = "==        Row: ";
    private static final String SEPARATOR = ", ";
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
        if (TextSearch.startsWith(s, at, end, COLUMNS) || TextSearch.startsWith(s, at, end, ROW)) {
            return result(s, at, end);
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

    /**
     * From the last two '=' of {@code <==} or a nested query's {@code <====}: a result's header
     * noted, or a row's secret values. Asked only where the header or row follows, so that a run
     * of '=' is not read back from each of its chars.
     */
    private static long result(CharSequence s, int at, int end) {
        int arrow = at;
        while (arrow > 0 && s.charAt(arrow - 1) == '=') {
            arrow--;
        }
        if (arrow == 0 || s.charAt(arrow - 1) != '<') {
            return Match.NONE;
        }
        if (TextSearch.startsWith(s, at, end, COLUMNS)) {
            int lineEnd = TextSearch.lineEnd(s, at, (int) Math.min(end, (long) at + MAX_STATEMENT));
            long secret = 0;
            int count = 0;
            for (int name = at + COLUMNS.length(); name < lineEnd; count++) {
                int nameEnd = itemEnd(s, name, lineEnd);
                if (count < LastStatement.MAX_PARAMETERS && PasswordValues.isSecretName(s, name, nameEnd)) {
                    secret |= 1L << count;
                }
                name = nameEnd + SEPARATOR.length();
            }
            LastStatement.columns(secret, count);
            return Match.NONE;
        }
        long secret = LastStatement.secretColumns();
        if (secret == 0) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, at, end);
        int start = -1;
        int stop = -1;
        int count = 0;
        for (int item = at + ROW.length(); item < lineEnd; count++) {
            int itemEnd = itemEnd(s, item, lineEnd);
            if (count < LastStatement.MAX_PARAMETERS && (secret & 1L << count) != 0 && itemEnd > item
                    && !TextSearch.equalsIgnoreCase(s, item, itemEnd, NULL)) {
                start = start < 0 ? item : start;
                stop = itemEnd;
            }
            item = itemEnd + SEPARATOR.length();
        }
        if (start >= 0 && count > LastStatement.columnCount()) {
            stop = lineEnd; // a value held ", ": the secret's place is not known past it
        }
        return start < 0 ? Match.NONE : Match.of(start, stop);
    }

    /** Where a row's or a header's item at {@code at} ends: at the next {@code ", "} or the line's end. */
    private static int itemEnd(CharSequence s, int at, int lineEnd) {
        int comma = TextSearch.indexOf(s, SEPARATOR, at, lineEnd);
        return comma < 0 ? lineEnd : comma;
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
