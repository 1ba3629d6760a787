package dev.primus.agent.masking;

/**
 * For password_kv: what Dovecot's authentication process writes with {@code auth_debug} and
 * {@code auth_debug_passwords}, where no key names the secret.
 * <ul>
 * <li>A password check that failed: {@code passwd-file(bob,127.0.0.1): SHA512-CRYPT(Tr0ub4dor&3) != '$6$…'},
 * the password the client gave in the scheme's parentheses and the one stored, its hash or, under
 * {@code PLAIN}, the password itself. Both are masked, as one value from the first to the second.
 * <li>A SASL response a client sent, base64 before the note Dovecot writes after it:
 * {@code resp=AGJvYgBodW50ZXIy (previous base64 data may contain sensitive data)}, and a
 * {@code CONT} line's password; the note says what the value is, whatever the mechanism.
 * </ul>
 */
final class DovecotAuthDebug {
    /** What stands between the given password's ')' and the stored one's quote. */
    private static final String MISMATCH = ") != ";
    /** The note Dovecot writes after a client's base64 data, from its 'p'. */
    static final String SENSITIVE_NOTE = "previous base64 data may contain sensitive data)";
    /** The longest scheme's name read back from its '(' ({@code SCRAM-SHA-256}, {@code SHA512-CRYPT}). */
    private static final int MAX_SCHEME = 24;
    private static final int MAX_VALUE = 512;
    /** The octal digits of rsyslog's escape of a tab, {@code #011}, after its '#'. */
    private static final String SYSLOG_TAB = "011";

    private DovecotAuthDebug() {
    }

    /** At the quote after {@code ) != }: from the given password to the end of the stored one; NONE for any other quote. */
    static long mismatch(CharSequence s, int from, int at, int end) {
        int close = at - MISMATCH.length();
        if (close <= from || !TextSearch.startsWith(s, close, at, MISMATCH)) {
            return Match.NONE;
        }
        int open = close - 1;
        while (open > from && close - open <= MAX_VALUE && s.charAt(open) != '(' && !isBreak(s.charAt(open))) {
            open--;
        }
        if (open <= from || s.charAt(open) != '(' || !isScheme(s, from, open)) {
            return Match.NONE;
        }
        int limit = (int) Math.min(end, (long) at + 1 + MAX_VALUE);
        for (int i = at + 1; i < limit && !isBreak(s.charAt(i)); i++) {
            if (s.charAt(i) == '\'' && (i + 1 == end || !CharClass.isWord(s.charAt(i + 1)))) {
                return i == at + 1 && close == open + 1 ? Match.NONE : Match.of(open + 1, i);
            }
        }
        return Match.NONE;
    }

    /** At the 'p' of {@link #SENSITIVE_NOTE}, after " (": the base64 before it; NONE when none stands there. */
    static long beforeNote(CharSequence s, int from, int at, int end) {
        if (at - 2 <= from || s.charAt(at - 1) != '(' || s.charAt(at - 2) != ' '
                || !TextSearch.startsWith(s, at, end, SENSITIVE_NOTE)) {
            return Match.NONE;
        }
        int stop = at - 2;
        int start = stop;
        while (start > from && stop - start < 2 && s.charAt(start - 1) == '=') {
            start--; // the padding
        }
        while (start > from && stop - start < MAX_VALUE && CharClass.isBase64(s.charAt(start - 1))) {
            start--;
        }
        // rsyslog's escape of the tab before it, "CONT#0111#011<base64>", whose digits read as base64's.
        boolean afterTab = start > from && s.charAt(start - 1) == '#' && stop - start > SYSLOG_TAB.length()
                && TextSearch.startsWith(s, start, stop, SYSLOG_TAB);
        if (afterTab) {
            start += SYSLOG_TAB.length();
        }
        boolean none = start == stop || s.charAt(start) == '='
                || !afterTab && start > from && CharClass.isWord(s.charAt(start - 1));
        return none ? Match.NONE : Match.of(start, stop);
    }

    /** Whether a scheme's name, capitals, digits and '-', ends at the '(' at {@code open} and starts a word. */
    private static boolean isScheme(CharSequence s, int from, int open) {
        int start = open;
        while (start > from && open - start < MAX_SCHEME && isSchemeChar(s.charAt(start - 1))) {
            start--;
        }
        return start < open && CharClass.isUpper(s.charAt(start)) && (start == from || s.charAt(start - 1) == ' ');
    }

    private static boolean isSchemeChar(char c) {
        return CharClass.isUpper(c) || CharClass.isDigit(c) || c == '-';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
