package dev.primus.agent.masking;

/**
 * For password_kv: the value Logback says it substituted for a variable, in its status messages
 * ({@code <configuration debug="true">}, or any error at start-up): {@code value "x" substituted
 * for "${DB_PASSWORD}"}. The value stands before the variable that names it, so no key reads it;
 * asked at the '$' of the variable, a secret's name ({@link PasswordValues#isKey}) masks the
 * quoted value before it.
 */
final class LogbackSubstitutions {
    private static final String VARIABLE = "${";
    private static final String SUBSTITUTED = "\" substituted for \"";
    private static final String VALUE = "value \"";
    /** How far back the value's opening is looked for. */
    private static final int MAX_VALUE = 512;
    private static final int MAX_NAME = 128;

    private LogbackSubstitutions() {
    }

    /** {@code at} is a '$'; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, VARIABLE) || !TextSearch.endsWith(s, from, at, SUBSTITUTED)) {
            return Match.NONE;
        }
        int name = at + VARIABLE.length();
        int nameEnd = name;
        while (nameEnd < end && nameEnd - name < MAX_NAME && s.charAt(nameEnd) != '}' && s.charAt(nameEnd) != ':') {
            nameEnd++;
        }
        if (nameEnd == name || nameEnd >= end || !PasswordValues.isKey(s, name, nameEnd)) {
            return Match.NONE;
        }
        int closing = at - SUBSTITUTED.length();
        int opening = TextSearch.lastIndexOfIgnoreCase(s, Math.max(from, closing - MAX_VALUE), closing, VALUE);
        int value = opening < 0 ? -1 : opening + VALUE.length();
        return value < 0 || value >= closing ? Match.NONE : Match.of(value, closing);
    }
}
