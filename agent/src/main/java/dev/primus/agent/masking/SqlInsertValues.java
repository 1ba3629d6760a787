package dev.primus.agent.masking;

/**
 * For password_kv: a single-quoted value of an SQL {@code INSERT} whose column is named like a
 * secret, matched by position, as SQL loggers print a statement with its values inlined (P6Spy,
 * jOOQ, MyBatis): {@code insert into users (email, password) values ('bob@x.io', 'hunter2')} masks
 * {@code hunter2}, also written as SQL Server's {@code N'hunter2'}. Found from the value's opening
 * quote, right after the '(' or ',' before it:
 * the items before it in its row are counted back to the row's '(', past earlier rows of a
 * multi-row insert to {@code VALUES}, and the column list before that is read for the name at the
 * same position. An item that is neither a quoted string nor a plain word or number (a function
 * call with arguments, a nested select) stops the count, and nothing is masked. {@link PreparedStatementParams}
 * asks the same of a {@code ?}.
 */
final class SqlInsertValues {
    private static final String VALUES = "values";
    /** Items and rows counted back at most: a log line's insert, not a bulk load. */
    private static final int MAX_ITEMS = 64;
    private static final int MAX_ROWS = 16;
    private static final int MAX_QUOTED = 4096;
    /** SQL's functions are short names: crypt, md5, sha2, digest, pgp_sym_encrypt, AES_ENCRYPT. */
    private static final int MAX_FUNCTION = 24;

    private SqlInsertValues() {
    }

    /** {@code at} is a single quote. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!isOfSecretColumn(s, from, at)) {
            return Match.NONE;
        }
        int close = closingQuote(s, at, end);
        return close < 0 || close == at + 1 || FrameworkValues.isOneInQuotes(s, at + 1, close) ? Match.NONE
                : Match.of(at + 1, close);
    }

    /**
     * Whether the item starting at {@code at} (a quoted string, or a prepared statement's {@code ?})
     * stands in an insert's {@code VALUES} row at the position of a column named like a secret.
     */
    static boolean isOfSecretColumn(CharSequence s, int from, int at) {
        long column = columnOf(s, from, at);
        return column != Match.NONE && PasswordValues.isSecretName(s, Match.start(column), Match.end(column));
    }

    /**
     * The name of the column whose value the item starting at {@code at} (a quoted string, a plain
     * word or number, a {@code ?}) is in an insert's {@code VALUES} row, as a {@link Match}; NONE
     * when it stands in none.
     */
    static long columnOf(CharSequence s, int from, int at) {
        int before = spacesBack(s, from, isNationalQuote(s, at - 1, at + 1) ? at - 1 : at);
        int call = functionNameBefore(s, from, before);
        if (call >= 0) {
            before = spacesBack(s, from, call); // the literal a function hashes is the row's item: crypt('x', …)
        }
        if (before <= from || (s.charAt(before - 1) != '(' && s.charAt(before - 1) != ',')) {
            return Match.NONE;
        }
        int index = 0;
        int i = before - 1; // the '(' or ',' before the value
        while (s.charAt(i) == ',') {
            if (++index > MAX_ITEMS) {
                return Match.NONE;
            }
            i = itemStartBack(s, from, i);
            if (i < 0) {
                return Match.NONE;
            }
        }
        int columnsEnd = columnsEndBefore(s, from, i);
        if (columnsEnd < 0) {
            return Match.NONE;
        }
        long column = columnAt(s, from, columnsEnd, index);
        return column < 0 ? Match.NONE : Match.of((int) (column >>> 32), (int) column);
    }

    /**
     * Where the name of a function starts whose '(' stands right before {@code before}
     * ({@code crypt(}, {@code md5(}), when the text there is such a call's first argument; -1 when
     * it is not, {@code VALUES (} included.
     */
    private static int functionNameBefore(CharSequence s, int from, int before) {
        if (before - 1 <= from || s.charAt(before - 1) != '(') {
            return -1;
        }
        int name = before - 1;
        while (name > from && before - name <= MAX_FUNCTION
                && (CharClass.isAlnum(s.charAt(name - 1)) || s.charAt(name - 1) == '_')) {
            name--;
        }
        boolean named = name < before - 1 && CharClass.isLetter(s.charAt(name));
        return named && !TextSearch.equalsIgnoreCase(s, name, before - 1, VALUES) ? name : -1;
    }

    /** The quote that closes the SQL string opened at {@code open} ('' inside it is a quote), on its line; -1 when none. */
    private static int closingQuote(CharSequence s, int open, int end) {
        int limit = (int) Math.min(end, (long) open + 1 + MAX_QUOTED);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\'') {
                if (i + 1 < limit && s.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the char before the item that ends at the ',' {@code comma} (spaces skipped),
     * or -1 when the item is no quoted string, word or number.
     */
    private static int itemStartBack(CharSequence s, int from, int comma) {
        int i = spacesBack(s, from, comma);
        if (i <= from) {
            return -1;
        }
        if (s.charAt(i - 1) == '\'') {
            int open = openingQuote(s, from, i - 1);
            if (open < 0) {
                return -1;
            }
            i = isNationalQuote(s, open - 1, open + 1) && open - 1 > from ? open - 1 : open;
        } else {
            if (i - 2 > from && s.charAt(i - 1) == ')' && s.charAt(i - 2) == '(') {
                i -= 2; // a call without arguments, its name read as a word: NOW(), uuid()
            }
            int stop = i;
            while (i > from && stop - i < MAX_QUOTED && isPlainChar(s.charAt(i - 1))) {
                i--;
            }
            if (i == stop) {
                return -1;
            }
        }
        i = spacesBack(s, from, i);
        return i <= from ? -1 : i - 1;
    }

    /**
     * Where the column list before the row whose '(' is at {@code open} ends (at its ')'), past
     * the rows before this one and {@code VALUES}; -1 when the row is in no {@code INSERT}'s values.
     */
    private static int columnsEndBefore(CharSequence s, int from, int open) {
        int i = open;
        for (int rows = 0; rows <= MAX_ROWS; rows++) {
            int before = spacesBack(s, from, i);
            if (before - VALUES.length() >= from
                    && TextSearch.startsWithIgnoreCase(s, before - VALUES.length(), before, VALUES)
                    && (before - VALUES.length() == from || !CharClass.isWord(s.charAt(before - VALUES.length() - 1)))) {
                int columnsEnd = spacesBack(s, from, before - VALUES.length());
                return columnsEnd > from && s.charAt(columnsEnd - 1) == ')' ? columnsEnd - 1 : -1;
            }
            if (before <= from || s.charAt(before - 1) != ',') {
                return -1;
            }
            int close = spacesBack(s, from, before - 1);
            if (close <= from || s.charAt(close - 1) != ')') {
                return -1;
            }
            i = rowOpen(s, from, close - 1);
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The '(' of the row whose ')' is at {@code close}, quoted strings and the calls in it passed
     * over ({@code ('bob', sha2('x', 256))}); -1 when none.
     */
    private static int rowOpen(CharSequence s, int from, int close) {
        int i = close - 1;
        int depth = 0;
        while (i >= from && close - i <= MAX_QUOTED) {
            char c = s.charAt(i);
            if (c == '(' && depth-- == 0) {
                return i;
            }
            depth += c == ')' ? 1 : 0;
            if (c == '\'') {
                i = openingQuote(s, from, i);
                if (i < 0) {
                    return -1;
                }
            }
            i--;
        }
        return -1;
    }

    /** The opening quote of the SQL string whose closing quote is at {@code close} ('' inside it is a quote). */
    private static int openingQuote(CharSequence s, int from, int close) {
        int i = close - 1;
        while (i >= from && close - i <= MAX_QUOTED) {
            if (s.charAt(i) == '\'') {
                if (i > from && s.charAt(i - 1) == '\'') {
                    i -= 2;
                    continue;
                }
                return i;
            }
            i--;
        }
        return -1;
    }

    /**
     * The column at {@code index} of the list whose ')' is at {@code close}, as the start and end of
     * its name packed ({@code start << 32 | end}, quotes and brackets left out); -1 when the list
     * has no such column.
     */
    private static long columnAt(CharSequence s, int from, int close, int index) {
        int open = close - 1;
        while (open >= from && close - open <= MAX_QUOTED && s.charAt(open) != '(' && s.charAt(open) != ')'
                && s.charAt(open) != '\'') {
            open--;
        }
        if (open < from || s.charAt(open) != '(') {
            return -1;
        }
        int start = open + 1;
        for (int k = 0; ; k++) {
            int stop = start;
            while (stop < close && s.charAt(stop) != ',') {
                stop++;
            }
            if (k == index) {
                int nameStart = start;
                int nameEnd = stop;
                while (nameStart < nameEnd && isWrapping(s.charAt(nameStart))) {
                    nameStart++;
                }
                while (nameEnd > nameStart && isWrapping(s.charAt(nameEnd - 1))) {
                    nameEnd--;
                }
                return nameStart == nameEnd ? -1 : (long) nameStart << 32 | nameEnd;
            }
            if (stop == close) {
                return -1;
            }
            start = stop + 1;
        }
    }

    /** What may stand around a column's name in its list: spaces, and the quotes or brackets of a quoted name. */
    private static boolean isWrapping(char c) {
        return c == ' ' || c == '"' || c == '`' || c == '[' || c == ']';
    }

    /**
     * Whether an {@code N'} (or {@code n'}) starts at {@code at}: SQL Server's Unicode string
     * literal, {@code N'hunter2'}, a quoted value as any other.
     */
    static boolean isNationalQuote(CharSequence s, int at, int end) {
        return at >= 0 && at + 1 < end && (s.charAt(at) | 0x20) == 'n' && s.charAt(at + 1) == '\''
                && (at == 0 || !CharClass.isWord(s.charAt(at - 1)));
    }

    /** A number, a word ({@code NULL}, {@code true}, {@code DEFAULT}), or a prepared statement's {@code ?} or {@code $1}. */
    private static boolean isPlainChar(char c) {
        return CharClass.isWord(c) || c == '.' || c == '-' || c == '+' || c == '?' || c == '$';
    }

    /** Where the white space before {@code at} starts, back to {@code from}: a statement may run over lines. */
    static int spacesBack(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r'
                || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
