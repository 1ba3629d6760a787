package dev.primus.agent.masking;

/**
 * For password_kv: the value an SQL logger binds to a parameter of the statement it logged just
 * before on the same thread, as a message of its own, when asked to show a statement's parameters.
 * <ul>
 * <li>Hibernate ({@code org.hibernate.SQL} at DEBUG, the binder at TRACE): after
 * {@code insert into users (email,password,id) values (?,?,?)}, the line
 * {@code binding parameter (2:VARCHAR) <- [hunter2]} (Hibernate 6.2 and later) or
 * {@code binding parameter [2] as [VARCHAR] - [hunter2]} (5, 6.0 and 6.1) masks {@code hunter2}.
 * <li>Spring's {@code JdbcTemplate} (DEBUG) and {@code StatementCreatorUtils} (TRACE): after
 * {@code Executing prepared SQL statement [insert into users (name, password) values (?, ?)]} (or
 * {@code Executing SQL batch update [...]}), the line {@code Setting SQL statement parameter value:
 * column index 2, parameter value [hunter2], value class [java.lang.String], SQL type unknown}
 * masks {@code hunter2}.
 * <li>Hibernate 5's extractor (TRACE), reading a row back: {@code extracted value ([password2_0_0_] :
 * [VARCHAR]) - [hunter2]}, where the column's alias names it, as Hibernate 5 makes one from the
 * column's name cut to ten chars ({@link #isSecretAlias}); no statement needed. Hibernate 6's,
 * {@code extracted value (3:VARCHAR) -> [hunter2]}, by the column's place in the select this
 * thread logged last ({@link SelectColumns}: {@code select u1_0.id,u1_0.email,u1_0.password from …}).
 * <li>The PostgreSQL JDBC driver's protocol trace: {@code FE=> Bind(stmt=S_1,portal=null,$1=<('hunter2')>)}
 * after its {@code FE=> Parse}, by the statement's name ({@link PgjdbcProtocolLines}).
 * <li>PostgreSQL's server log: {@code DETAIL:  parameters: $1 = 'bob', $2 = 'hunter2'} after its
 * {@code LOG:  execute <unnamed>: insert …} ({@link PostgresServerLines}).
 * </ul>
 * Each is looked for at the start of every text, past its indent ({@code format_sql} writes a
 * statement on lines of its own), or, in a log file's whole line, at its record's message
 * ({@link RecordPrefix}): for most texts one char rules it out. The statement's line
 * marks which {@code ?} bind a secret ({@link PreparedStatementParams#secretParameters}) for the
 * thread ({@link LastStatement}).
 */
final class BindingLines {
    private static final String BINDING = "binding parameter ";
    /** What a statement Hibernate logs starts with. */
    private static final String[] VERBS = {"insert", "update", "select", "delete", "merge", "with"};
    /** What Spring's JdbcTemplate writes before a statement with parameters, up to the statement. */
    private static final String[] SPRING_STATEMENTS = {"Executing prepared SQL statement [", "Executing SQL batch update ["};
    private static final String SPRING_BINDING = "Setting SQL statement parameter value: column index ";
    private static final String SPRING_VALUE = ", parameter value [";
    private static final String SPRING_VALUE_END = "], value class [";
    private static final String EXTRACTED = "extracted value (";
    private static final String EXTRACTED_VALUE = "]) - [";
    private static final String EXTRACTED_AT = ") -> [";
    /** How much of a column's name Hibernate 5 keeps in an alias. */
    private static final int ALIAS_NAME = 10;
    /** The key words an alias's last, cut word may start: {@code client_sec} of {@code client_secret}. */
    private static final String[] CUT_WORDS = {"password", "secret", "token"};
    private static final int MIN_CUT_WORD = 3;
    /** Bit c - 'a': a binding line or a statement may start with letter c, in either case. */
    private static final int FIRST_LETTERS = letters(BINDING, VERBS) | letters(SPRING_BINDING, SPRING_STATEMENTS)
            | letters(EXTRACTED, new String[] {PgjdbcProtocolLines.PREFIX})
            | letters(PostgresServerLines.EXECUTE,
                    new String[] {PostgresServerLines.PARAMETERS, PostgresServerLines.DURATION});
    private static final int MAX_INDENT = 16;
    private static final int MAX_STATEMENT = 4096;

    private BindingLines() {
    }

    /**
     * For the text {@code s[from, end)}: the value of a binding line's secret parameter, or
     * {@link Match#NONE}; a statement's line is noted for the lines after it. {@code fileLine}: the
     * text may be a log file's whole line, its message after the record's prefix.
     */
    static long match(CharSequence s, int from, int end, boolean fileLine) {
        int at = messageAt(s, from, end, fileLine);
        if (at < 0 || at >= end) {
            return Match.NONE;
        }
        int first = (s.charAt(at) | 0x20) - 'a';
        if (first < 0 || first >= 26 || (FIRST_LETTERS & 1 << first) == 0) {
            return Match.NONE;
        }
        if (first == 'f' - 'a') {
            return TextSearch.startsWith(s, at, end, PgjdbcProtocolLines.PREFIX) ? PgjdbcProtocolLines.match(s, at, end)
                    : Match.NONE;
        }
        if ((first == 'e' - 'a' || first == 'p' - 'a' || first == 'd' - 'a') && PostgresServerLines.startsAt(s, at, end)) {
            return PostgresServerLines.match(s, at, end);
        }
        if (first == 'b' - 'a') {
            return TextSearch.startsWith(s, at, end, BINDING) ? binding(s, at + BINDING.length(), end) : Match.NONE;
        }
        if (TextSearch.startsWith(s, at, end, SPRING_BINDING)) {
            return springBinding(s, at + SPRING_BINDING.length(), end);
        }
        if (TextSearch.startsWith(s, at, end, EXTRACTED)) {
            int extracted = at + EXTRACTED.length();
            return extracted < end && s.charAt(extracted) == '[' ? extractedByAlias(s, extracted + 1, end)
                    : extractedAt(s, extracted, end);
        }
        int statement = isStatement(s, at, end) ? at : springStatement(s, at, end);
        if (statement >= 0) {
            int statementEnd = (int) Math.min(end, (long) statement + MAX_STATEMENT);
            LastStatement.logged(PreparedStatementParams.secretParameters(s, statement, statementEnd));
            if (statement == at && SelectColumns.isSelect(s, at, end)) {
                SelectColumns.note(s, at, statementEnd);
            }
        }
        return Match.NONE;
    }

    /**
     * After {@link #match} found a value ending at {@code after}: the next in the same line, where a
     * line binds more than one secret (pgjdbc's {@code Bind}); or {@link Match#NONE}.
     */
    static long next(CharSequence s, int from, int after, int end, boolean fileLine) {
        int at = messageAt(s, from, end, fileLine);
        if (at >= 0 && TextSearch.startsWith(s, at, end, PostgresServerLines.PARAMETERS)) {
            return PostgresServerLines.secretValueAfter(s, at, after, end);
        }
        return at < 0 || !TextSearch.startsWith(s, at, end, PgjdbcProtocolLines.PREFIX) ? Match.NONE
                : PgjdbcProtocolLines.secretValueAfter(s, at, after, end);
    }

    /** Where the message in {@code s[from, end)} starts, past its indent and a log file's record prefix; or -1. */
    private static int messageAt(CharSequence s, int from, int end, boolean fileLine) {
        int at = pastIndent(s, from, end);
        if (fileLine && at < end && (CharClass.isDigit(s.charAt(at)) || s.charAt(at) == '[')) {
            // A log file's whole line, as mask reads it: the message after its record's prefix,
            // which format_sql starts on a line of its own.
            at = RecordPrefix.messageStart(s, at, end);
            return at < 0 ? -1 : pastIndent(s, at, end);
        }
        return at;
    }

    private static int pastIndent(CharSequence s, int from, int end) {
        int at = from;
        while (at < end && at - from < MAX_INDENT && isSpace(s.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Where the statement of a JdbcTemplate line starts, past its {@code [}; or -1. */
    private static int springStatement(CharSequence s, int at, int end) {
        for (String prefix : SPRING_STATEMENTS) {
            if (TextSearch.startsWith(s, at, end, prefix)) {
                return at + prefix.length();
            }
        }
        return -1;
    }

    /** From after {@code column index }: {@code 2, parameter value [v], value class [T], SQL type t}. */
    private static long springBinding(CharSequence s, int at, int end) {
        int digits = secretIndexEnd(s, at, end, LastStatement.secretParameters());
        if (digits < 0 || !TextSearch.startsWith(s, digits, end, SPRING_VALUE)) {
            return Match.NONE;
        }
        int value = digits + SPRING_VALUE.length();
        int lineEnd = TextSearch.lineEnd(s, value, end);
        // The last "], value class [" of the line: the value's own text may hold one.
        int close = -1;
        for (int found = TextSearch.indexOf(s, SPRING_VALUE_END, value, lineEnd); found >= 0;
                found = TextSearch.indexOf(s, SPRING_VALUE_END, found + 1, lineEnd)) {
            close = found;
        }
        return close <= value || FrameworkValues.isOne(s, value, close) ? Match.NONE : Match.of(value, close);
    }

    /**
     * Where the 1-based index written at {@code at} ends, when bit {@code index - 1} of
     * {@code secret} is set (the statement this thread logged last binds a secret at that place,
     * or its select has a secret column there); else -1.
     */
    static int secretIndexEnd(CharSequence s, int at, int end, long secret) {
        int digits = at;
        int index = 0;
        while (digits < end && CharClass.isDigit(s.charAt(digits)) && index <= LastStatement.MAX_PARAMETERS) {
            index = index * 10 + s.charAt(digits) - '0';
            digits++;
        }
        return digits == at || index < 1 || index > LastStatement.MAX_PARAMETERS
                || (secret & 1L << (index - 1)) == 0 ? -1 : digits;
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
        int digits = secretIndexEnd(s, at + 1, end, LastStatement.secretParameters());
        if (digits < 0) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, digits, end);
        int open = TextSearch.indexOf(s, s.charAt(at) == '(' ? ") <- [" : " - [", digits, lineEnd);
        int close = lineEnd - 1;
        while (close > open && s.charAt(close) != ']') {
            close--;
        }
        int value = open < 0 ? -1 : TextSearch.indexOf(s, '[', open, lineEnd) + 1;
        return value <= 0 || close <= value || isNoValue(s, value, close) ? Match.NONE : Match.of(value, close);
    }

    /**
     * From after {@code extracted value (}: Hibernate 6's {@code 3:VARCHAR) -> [value]}, masked when
     * the select this thread logged last has a secret column at that place ({@link SelectColumns}).
     */
    private static long extractedAt(CharSequence s, int at, int end) {
        int digits = secretIndexEnd(s, at, end, LastStatement.secretColumns());
        if (digits < 0) {
            return Match.NONE;
        }
        int lineEnd = TextSearch.lineEnd(s, digits, end);
        int open = TextSearch.indexOf(s, EXTRACTED_AT, digits, lineEnd);
        int value = open < 0 ? -1 : open + EXTRACTED_AT.length();
        int close = lineEnd - 1;
        while (close > value && s.charAt(close) != ']') {
            close--;
        }
        return value < 0 || close <= value || isNoValue(s, value, close) ? Match.NONE : Match.of(value, close);
    }

    /**
     * Null, or one of our markers (FrameworkValues reads a '[' as a list's): nothing to mask. A JSON
     * document is the column's data, not an object's toString: Keycloak's {@code SECRET_DATA}, a
     * password's hash and salt ({@code {"value":"wIMW…","salt":"haCG…"}}).
     */
    private static boolean isNoValue(CharSequence s, int value, int close) {
        return s.charAt(value) != '{' && FrameworkValues.isOne(s, value, close);
    }

    /** From after {@code extracted value ([}: Hibernate 5's {@code alias] : [TYPE]) - [value]}. */
    private static long extractedByAlias(CharSequence s, int at, int end) {
        int lineEnd = TextSearch.lineEnd(s, at, end);
        int aliasEnd = TextSearch.indexOf(s, ']', at, lineEnd);
        int open = aliasEnd < 0 ? -1 : TextSearch.indexOf(s, EXTRACTED_VALUE, aliasEnd, lineEnd);
        if (open < 0 || !isSecretAlias(s, at, aliasEnd)) {
            return Match.NONE;
        }
        int value = open + EXTRACTED_VALUE.length();
        int close = lineEnd - 1;
        while (close > value && s.charAt(close) != ']') {
            close--;
        }
        return close <= value || FrameworkValues.isOne(s, value, close) ? Match.NONE : Match.of(value, close);
    }

    /**
     * Whether a Hibernate 5 column alias, the column's name cut to {@link #ALIAS_NAME} chars and a
     * suffix of digits and '_' ({@code password2_0_0_}, {@code client_sec3_0_0_}), names a secret
     * column: the name, or a name cut inside a password's, secret's or token's word.
     */
    private static boolean isSecretAlias(CharSequence s, int start, int stop) {
        int name = stop;
        while (name > start && (CharClass.isDigit(s.charAt(name - 1)) || s.charAt(name - 1) == '_')) {
            name--;
        }
        if (name == start || name == stop) {
            return false;
        }
        if (PasswordValues.isSecretName(s, start, name)) {
            return true;
        }
        int word = name;
        while (word > start && CharClass.isLetter(s.charAt(word - 1))) {
            word--;
        }
        if (name - start != ALIAS_NAME || name - word < MIN_CUT_WORD || word == start) {
            return false;
        }
        for (String cut : CUT_WORDS) {
            if (isPrefixOf(s, word, name, cut)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[start, stop)}, ignoring ASCII case, is a prefix of {@code lowerWord}. */
    private static boolean isPrefixOf(CharSequence s, int start, int stop, String lowerWord) {
        if (stop - start > lowerWord.length()) {
            return false;
        }
        for (int i = start; i < stop; i++) {
            if (CharClass.toLower(s.charAt(i)) != lowerWord.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    private static int letters(String binding, String[] statements) {
        int bits = 1 << ((binding.charAt(0) | 0x20) - 'a');
        for (String statement : statements) {
            bits |= 1 << ((statement.charAt(0) | 0x20) - 'a');
        }
        return bits;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
