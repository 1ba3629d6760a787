package dev.primus.agent.masking;

/**
 * For password_kv: the value Hibernate binds to a parameter of the statement it logged just before
 * on the same thread, as it logs both when asked to show a statement's parameters
 * ({@code org.hibernate.SQL} at DEBUG, the binder at TRACE): after
 * {@code insert into users (email,password,id) values (?,?,?)}, the line
 * {@code binding parameter (2:VARCHAR) <- [hunter2]} (Hibernate 6.2 and later) or
 * {@code binding parameter [2] as [VARCHAR] - [hunter2]} (5, 6.0 and 6.1) masks {@code hunter2}.
 * Each is a message of its own that starts so, and is looked for at the start of every text, past
 * its indent ({@code format_sql} writes a statement on lines of its own): for most texts one char
 * rules it out. The statement's line marks which {@code ?} bind a secret
 * ({@link PreparedStatementParams#secretParameters}) for the thread ({@link LastStatement}).
 */
final class HibernateBindings {
    private static final String BINDING = "binding parameter ";
    /** What a statement Hibernate logs starts with. */
    private static final String[] VERBS = {"insert", "update", "select", "delete", "merge", "with"};
    /** Bit c - 'a': a binding line or a statement may start with letter c, in either case. */
    private static final int FIRST_LETTERS = letters(BINDING, VERBS);
    private static final int MAX_INDENT = 16;
    private static final int MAX_STATEMENT = 4096;

    private HibernateBindings() {
    }

    /**
     * For the text {@code s[from, end)}: the value of a binding line's secret parameter, or
     * {@link Match#NONE}; a statement's line is noted for the lines after it.
     */
    static long match(CharSequence s, int from, int end) {
        int at = from;
        while (at < end && at - from < MAX_INDENT && isSpace(s.charAt(at))) {
            at++;
        }
        if (at >= end) {
            return Match.NONE;
        }
        int first = (s.charAt(at) | 0x20) - 'a';
        if (first < 0 || first >= 26 || (FIRST_LETTERS & 1 << first) == 0) {
            return Match.NONE;
        }
        if (first == 'b' - 'a') {
            return TextSearch.startsWith(s, at, end, BINDING) ? binding(s, at + BINDING.length(), end) : Match.NONE;
        }
        if (isStatement(s, at, end)) {
            int statementEnd = (int) Math.min(end, (long) at + MAX_STATEMENT);
            LastStatement.logged(PreparedStatementParams.secretParameters(s, at, statementEnd));
        }
        return Match.NONE;
    }

    private static boolean isStatement(CharSequence s, int at, int end) {
        for (String verb : VERBS) {
            int verbEnd = at + verb.length();
            if (verbEnd < end && isSpace(s.charAt(verbEnd)) && TextSearch.startsWithIgnoreCase(s, at, end, verb)) {
                return true;
            }
        }
        return false;
    }

    /** From after {@code binding parameter }: {@code (2:VARCHAR) <- [v]} or {@code [2] as [VARCHAR] - [v]}. */
    private static long binding(CharSequence s, int at, int end) {
        if (at >= end || (s.charAt(at) != '(' && s.charAt(at) != '[')) {
            return Match.NONE;
        }
        int digits = at + 1;
        int index = 0;
        while (digits < end && CharClass.isDigit(s.charAt(digits)) && index <= LastStatement.MAX_PARAMETERS) {
            index = index * 10 + s.charAt(digits) - '0';
            digits++;
        }
        if (digits == at + 1 || index < 1 || index > LastStatement.MAX_PARAMETERS
                || (LastStatement.secretParameters() & 1L << (index - 1)) == 0) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, digits, end);
        int open = TextSearch.indexOf(s, s.charAt(at) == '(' ? ") <- [" : " - [", digits, lineEnd);
        int close = lineEnd - 1;
        while (close > open && s.charAt(close) != ']') {
            close--;
        }
        int value = open < 0 ? -1 : TextSearch.indexOf(s, '[', open, lineEnd) + 1;
        // null, or one of our markers (FrameworkValues reads a '[' as a list's): nothing to mask.
        if (value <= 0 || close <= value || FrameworkValues.isOne(s, value, close)) {
            return Match.NONE;
        }
        return Match.of(value, close);
    }

    private static int letters(String binding, String[] verbs) {
        int bits = 1 << (binding.charAt(0) - 'a');
        for (String verb : verbs) {
            bits |= 1 << (verb.charAt(0) - 'a');
        }
        return bits;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
