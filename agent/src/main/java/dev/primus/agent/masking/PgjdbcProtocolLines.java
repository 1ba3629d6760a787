package dev.primus.agent.masking;

/**
 * For password_kv: the PostgreSQL JDBC driver's protocol trace ({@code org.postgresql} at TRACE,
 * JUL's FINEST), which names no column beside a parameter's value:
 * <pre>
 *  FE=&gt; Parse(stmt=S_1,query="insert into users (name,password_hash) values ($1,$2)",oids={1043,1043})
 *  FE=&gt; Bind(stmt=S_1,portal=null,$1=&lt;('bob')&gt;,type=VARCHAR,$2=&lt;('hunter2')&gt;,type=VARCHAR)
 * </pre>
 * A {@code Parse} marks which {@code $n} of its query bind a secret, as an insert's values or a
 * secret column's {@code =} place them ({@link PreparedStatementParams}); a {@code Bind} masks
 * those parameters' values (older drivers write {@code $2=<'hunter2'>}). The driver parses a
 * statement it has named ({@code S_1}) once and binds it again and again, often after other
 * statements, so the thread remembers the last few names ({@link LastStatement#named}); an
 * unnamed one is bound right after its parse.
 */
final class PgjdbcProtocolLines {
    static final String PREFIX = "FE=> ";
    private static final String PARSE = "Parse(stmt=";
    private static final String QUERY = ",query=\"";
    private static final String QUERY_END = "\",oids={";
    private static final String BIND = "Bind(stmt=";
    private static final String PORTAL = ",portal=";
    private static final String PARAMETER = ",$";
    private static final String UNNAMED = "null";
    private static final int MAX_NAME = 64;
    private static final int MAX_QUERY = 4096;
    private static final int MAX_PARAMETER_DIGITS = 5;

    private PgjdbcProtocolLines() {
    }

    /**
     * {@code at} is where the message's {@code FE=> } starts: the first secret value of a bind, or
     * {@link Match#NONE}; a parse is noted for the binds after it.
     */
    static long match(CharSequence s, int at, int end) {
        int command = at + PREFIX.length();
        if (TextSearch.startsWith(s, command, end, PARSE)) {
            noteParse(s, command + PARSE.length(), end);
            return Match.NONE;
        }
        return secretValueAfter(s, at, at, end);
    }

    /**
     * In the bind whose {@code FE=> } starts at {@code at}: the first value of a secret parameter
     * at or after {@code from}, or {@link Match#NONE}.
     */
    static long secretValueAfter(CharSequence s, int at, int from, int end) {
        int name = at + PREFIX.length() + BIND.length();
        if (!TextSearch.startsWith(s, at + PREFIX.length(), end, BIND)) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, name, end);
        int nameEnd = TextSearch.indexOf(s, PORTAL, name, Math.min(lineEnd, name + MAX_NAME + PORTAL.length()));
        if (nameEnd < 0) {
            return Match.NONE;
        }
        long secret = isUnnamed(s, name, nameEnd) ? LastStatement.secretParameters()
                : LastStatement.named(nameHash(s, name, nameEnd));
        if (secret == 0) {
            return Match.NONE;
        }
        for (int p = TextSearch.indexOf(s, PARAMETER, Math.max(from, nameEnd), lineEnd); p >= 0;
                p = TextSearch.indexOf(s, PARAMETER, p + PARAMETER.length(), lineEnd)) {
            int open = BindingLines.secretIndexEnd(s, p + PARAMETER.length(), lineEnd, secret);
            if (open < 0 || !TextSearch.startsWith(s, open, lineEnd, "=<")) {
                continue;
            }
            long value = quotedValue(s, open + 2, lineEnd);
            if (value != Match.NONE) {
                return value;
            }
        }
        return Match.NONE;
    }

    private static void noteParse(CharSequence s, int name, int end) {
        int lineEnd = TextSearch.lineEnd(s, name, end);
        int nameEnd = TextSearch.indexOf(s, QUERY, name, Math.min(lineEnd, name + MAX_NAME + QUERY.length()));
        if (nameEnd < 0) {
            return;
        }
        int query = nameEnd + QUERY.length();
        // format_sql's statements span lines: the query ends at its closing quote, wherever that is.
        int queryEnd = TextSearch.indexOf(s, QUERY_END, query, (int) Math.min(end, (long) query + MAX_QUERY));
        long secret = secretParameters(s, query, queryEnd < 0 ? Math.min(end, query + MAX_QUERY) : queryEnd);
        LastStatement.logged(secret);
        if (!isUnnamed(s, name, nameEnd)) {
            LastStatement.name(nameHash(s, name, nameEnd), secret);
        }
    }

    private static boolean isUnnamed(CharSequence s, int name, int nameEnd) {
        return nameEnd - name == UNNAMED.length() && TextSearch.startsWith(s, name, nameEnd, UNNAMED);
    }

    /** Bit n - 1 set: the query's {@code $n}, outside quotes, binds a secret. */
    static long secretParameters(CharSequence s, int start, int end) {
        long secret = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                i = TextSearch.indexOf(s, '\'', i + 1, end);
                if (i < 0) {
                    break;
                }
            } else if (c == '$' && (i == start || !CharClass.isWord(s.charAt(i - 1)))) {
                int index = number(s, i + 1, end);
                if (index >= 1 && index <= LastStatement.MAX_PARAMETERS && (SqlInsertValues.isOfSecretColumn(s, start, i)
                        || PreparedStatementParams.isAssignedToSecret(s, start, i))) {
                    secret |= 1L << (index - 1);
                }
            }
        }
        return secret;
    }

    /**
     * The text inside the quotes of a value at {@code at}: {@code 'x'}, {@code ('x')} or
     * {@code ('x'::int4)}, '' inside one standing for a quote; {@link Match#NONE} for
     * {@code NULL}, a stream's placeholder or anything unquoted.
     */
    static long quotedValue(CharSequence s, int at, int end) {
        int quote = at < end && s.charAt(at) == '(' ? at + 1 : at;
        if (quote >= end || s.charAt(quote) != '\'') {
            return Match.NONE;
        }
        int i = quote + 1;
        while (i < end) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < end && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i == quote + 1 ? Match.NONE : Match.of(quote + 1, i);
            }
            i++;
        }
        return Match.NONE; // cut short (the driver's maxLogMessageLength): no end to trust
    }

    /** The decimal number written at {@code at}, or -1 when none or too long. */
    private static int number(CharSequence s, int at, int end) {
        int stop = CharClass.digitsEnd(s, at, end);
        if (stop == at || stop - at > MAX_PARAMETER_DIGITS) {
            return -1;
        }
        int n = 0;
        for (int i = at; i < stop; i++) {
            n = n * 10 + s.charAt(i) - '0';
        }
        return n;
    }

    /** A statement's name as a number to remember it by: S_1 to S_n, a few at a time per thread. */
    private static int nameHash(CharSequence s, int start, int stop) {
        int hash = 1;
        for (int i = start; i < stop; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }
}
