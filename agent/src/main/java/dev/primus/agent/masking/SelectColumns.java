package dev.primus.agent.masking;

/**
 * Which columns of a logged {@code select} hold a secret, by their place in its select list, for
 * the values Hibernate 6's extractor logs at TRACE by position only ({@code extracted value
 * (3:VARCHAR) -> [x]}, {@link BindingLines}). An item is a secret column's when any name in it is a
 * secret's ({@code u1_0.password}, {@code password_hash}, {@code u1_0.password_hash as ph},
 * {@code coalesce(u1_0.api_token, '')}): what a function makes of one may still be it. Items are the
 * list's top-level commas apart, up to its top-level {@code from}; a line break may stand as the
 * escape a JSON encoder writes ({@code format_sql}'s statement in a JSON log line).
 */
final class SelectColumns {
    private static final String SELECT = "select";
    private static final String DISTINCT = "distinct";
    private static final String FROM = "from";

    private SelectColumns() {
    }

    /** Whether {@code s[at, end)} starts with the word "select", in any case. */
    static boolean isSelect(CharSequence s, int at, int end) {
        int wordEnd = at + SELECT.length();
        return wordEnd < end && isSpace(s.charAt(wordEnd)) && TextSearch.startsWithIgnoreCase(s, at, end, SELECT);
    }

    /**
     * Notes for the thread ({@link LastStatement#columns}) which items of the select that starts
     * at {@code at} ({@link #isSelect}) are secret columns ({@link PasswordValues#isSecretName}):
     * none when the list has more than {@link LastStatement#MAX_PARAMETERS} items or no {@code from}.
     */
    static void note(CharSequence s, int at, int end) {
        int i = pastSpaces(s, at + SELECT.length(), end);
        if (isWordAt(s, i, end, DISTINCT)) {
            i = pastSpaces(s, i + DISTINCT.length(), end);
        }
        long secret = 0;
        int count = 0;
        int depth = 0;
        int itemStart = i;
        for (; i < end && count < LastStatement.MAX_PARAMETERS; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '\'') {
                int close = TextSearch.indexOf(s, '\'', i + 1, end);
                i = close < 0 ? end : close;
            } else if (depth == 0 && (c == ',' || spaceEnd(s, i, end) > 0 && isWordAt(s, spaceEnd(s, i, end), end, FROM))) {
                if (isSecretItem(s, itemStart, i)) {
                    secret |= 1L << count;
                }
                count++;
                if (c != ',') {
                    LastStatement.columns(secret, count);
                    return;
                }
                itemStart = i + 1;
            }
        }
        LastStatement.columns(0, 0);
    }

    /** Whether any name in the item is a secret column's: its column, an alias, a function's argument. */
    private static boolean isSecretItem(CharSequence s, int start, int stop) {
        int name = start;
        while (name < stop) {
            while (name < stop && !CharClass.isWord(s.charAt(name))) {
                name++;
            }
            int nameEnd = name;
            while (nameEnd < stop && CharClass.isWord(s.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd > name && PasswordValues.isSecretName(s, name, nameEnd)) {
                return true;
            }
            name = nameEnd;
        }
        return false;
    }

    private static boolean isWordAt(CharSequence s, int at, int end, String word) {
        int wordEnd = at + word.length();
        return wordEnd < end && spaceEnd(s, wordEnd, end) > 0 && TextSearch.startsWithIgnoreCase(s, at, end, word);
    }

    private static int pastSpaces(CharSequence s, int at, int end) {
        int i = at;
        for (int next = spaceEnd(s, i, end); next > 0; next = spaceEnd(s, i, end)) {
            i = next;
        }
        return i;
    }

    /**
     * Past the whitespace char at {@code at}, or the escaped line break or tab a JSON encoder or
     * the engine's own escaping writes for one ({@code \n}); -1 if there is none.
     */
    private static int spaceEnd(CharSequence s, int at, int end) {
        if (at >= end) {
            return -1;
        }
        char c = s.charAt(at);
        if (isSpace(c)) {
            return at + 1;
        }
        boolean escaped = c == '\\' && at + 1 < end && "nrt".indexOf(s.charAt(at + 1)) >= 0;
        return escaped ? at + 2 : -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
