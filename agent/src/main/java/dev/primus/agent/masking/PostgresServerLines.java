package dev.primus.agent.masking;

/**
 * For password_kv: PostgreSQL's own log of a statement a client ran through the extended protocol
 * (every JDBC driver's prepared statement), as {@code log_statement = 'all'} or
 * {@code log_min_duration_statement} writes it, a record for the statement and one for its values:
 * <pre>
 * 2026-12-07 21:20:10.227 UTC [2216] app@db LOG:  execute &lt;unnamed&gt;: insert into users (name, password)
 *     values ($1, $2)
 * 2026-12-07 21:20:10.227 UTC [2216] app@db DETAIL:  parameters: $1 = 'bob', $2 = 'hunter2'
 * </pre>
 * The execute line marks which {@code $n} bind a secret, as an insert's values or a secret
 * column's {@code =} place them ({@link PgjdbcProtocolLines#secretParameters}); the parameters line
 * masks those values. The server writes a statement's text with each execute, named or not, and
 * the two records one after the other, so the statement noted last is the one the values are of.
 * An error's {@code CONTEXT:  unnamed portal with parameters: …} comes before its {@code STATEMENT:}
 * and is not read.
 */
final class PostgresServerLines {
    static final String EXECUTE = "execute ";
    static final String PARAMETERS = "parameters: ";
    static final String DURATION = "duration: ";
    /** What stands between a duration and its statement: {@code duration: 0.062 ms  execute S_1: …}. */
    private static final String DURATION_EXECUTE = " ms  execute ";
    private static final String EQUALS = " = ";
    private static final String NEXT = ", ";
    private static final int MAX_NAME = 64;
    private static final int MAX_DURATION = 32;
    private static final int MAX_QUERY = 4096;

    private PostgresServerLines() {
    }

    /** Whether the message at {@code at} is one of the server's that {@link #match} reads. */
    static boolean startsAt(CharSequence s, int at, int end) {
        return TextSearch.startsWith(s, at, end, EXECUTE) || TextSearch.startsWith(s, at, end, PARAMETERS)
                || TextSearch.startsWith(s, at, end, DURATION);
    }

    /**
     * {@code at} is where the record's message starts: the first secret value of a parameters line,
     * or {@link Match#NONE}; an execute line is noted for the parameters line after it.
     */
    static long match(CharSequence s, int at, int end) {
        if (TextSearch.startsWith(s, at, end, PARAMETERS)) {
            return secretValueAfter(s, at, at, end);
        }
        int execute = at;
        if (TextSearch.startsWith(s, at, end, DURATION)) {
            int limit = Math.min(end, at + DURATION.length() + MAX_DURATION + DURATION_EXECUTE.length());
            int found = TextSearch.indexOf(s, DURATION_EXECUTE, at + DURATION.length(), limit);
            if (found < 0) {
                return Match.NONE;
            }
            execute = found + DURATION_EXECUTE.length() - EXECUTE.length();
        }
        if (TextSearch.startsWith(s, execute, end, EXECUTE)) {
            noteExecute(s, execute + EXECUTE.length(), end);
        }
        return Match.NONE;
    }

    /**
     * In the parameters line whose message starts at {@code at}: the first value of a secret
     * parameter that starts at or after {@code from}, or {@link Match#NONE}. The list is read from
     * its start, value by value, so a value that holds {@code ", $2 = '"} is never taken for the next.
     */
    static long secretValueAfter(CharSequence s, int at, int from, int end) {
        long secret = LastStatement.secretParameters();
        if (secret == 0 || !TextSearch.startsWith(s, at, end, PARAMETERS)) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, at, end);
        int p = at + PARAMETERS.length();
        while (p < lineEnd && s.charAt(p) == '$') {
            int digits = CharClass.digitsEnd(s, p + 1, lineEnd);
            if (digits == p + 1 || !TextSearch.startsWith(s, digits, lineEnd, EQUALS)) {
                return Match.NONE;
            }
            int value = digits + EQUALS.length();
            int valueEnd;
            if (value < lineEnd && s.charAt(value) == '\'') {
                long quoted = PgjdbcProtocolLines.quotedValue(s, value, lineEnd);
                if (quoted == Match.NONE) {
                    return Match.NONE; // empty, or cut short with no closing quote
                }
                if (value >= from && BindingLines.secretIndexEnd(s, p + 1, lineEnd, secret) == digits) {
                    return quoted;
                }
                valueEnd = Match.end(quoted) + 1;
            } else {
                valueEnd = TextSearch.indexOf(s, NEXT, value, lineEnd); // NULL
                if (valueEnd < 0) {
                    return Match.NONE;
                }
            }
            if (!TextSearch.startsWith(s, valueEnd, lineEnd, NEXT)) {
                return Match.NONE;
            }
            p = valueEnd + NEXT.length();
        }
        return Match.NONE;
    }

    /** From after {@code execute }: a statement's name, {@code : }, and its text to the line's end. */
    private static void noteExecute(CharSequence s, int name, int end) {
        int lineEnd = TextSearch.lineEnd(s, name, end);
        int nameEnd = TextSearch.indexOf(s, ": ", name, Math.min(lineEnd, name + MAX_NAME + 2));
        if (nameEnd < 0) {
            return;
        }
        int query = nameEnd + 2;
        LastStatement.logged(PgjdbcProtocolLines.secretParameters(s, query, Math.min(lineEnd, query + MAX_QUERY)));
    }
}
