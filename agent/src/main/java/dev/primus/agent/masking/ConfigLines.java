package dev.primus.agent.masking;

/**
 * For password_kv: a value with spaces in it on a line of a configuration that a message prints
 * whole, a YAML document ({@code   password: correct horse battery staple}) or a properties file
 * ({@code spring.datasource.password=correct horse battery staple}), where the value is the rest
 * of its line. Only where the key starts its line (after an indent, or a YAML list's "- ") in a
 * message of several lines, their breaks as written or escaped ({@code log.info("config:\n{}", yaml)}
 * escapes the argument's): in a one-line message, "password: hunter2 rejected for bob", the
 * words after the value are the sentence's. Not over logfmt pairs ({@code password=x user=bob})
 * nor a YAML comment ({@code  # rotated monthly}).
 */
final class ConfigLines {
    /** The longest value read on: a passphrase of several words, not a paragraph. */
    private static final int MAX_VALUE = 128;
    private static final int MAX_INDENT = 64;

    private ConfigLines() {
    }

    /**
     * Where the value of the key ending at {@code keyEnd}, which starts at {@code value} and has a
     * space at {@code space}, ends as a configuration line's: at its line's end, trailing spaces
     * left out; -1 where the key does not start its line, the message has no other line, logfmt's
     * next pair or a comment comes first, or the line runs on past {@link #MAX_VALUE} chars.
     */
    static int valueEnd(CharSequence s, int from, int keyEnd, int value, int space, int end) {
        int lineStart = lineStart(s, from, KeyedValue.nameStart(s, from, keyEnd));
        if (lineStart < 0) {
            return -1;
        }
        int limit = (int) Math.min(end, (long) value + MAX_VALUE + 1);
        int i = space;
        while (i < limit && s.charAt(i) != '\n' && s.charAt(i) != '\r' && !PasswordValues.isEscapedBreakAt(s, i, end)) {
            if (s.charAt(i) == ' ' && i + 1 < end && (s.charAt(i + 1) == '#' || KeyedValue.isPairAt(s, i + 1, end))) {
                return -1;
            }
            i++;
        }
        if (i == limit && (limit < end || lineStart == from)) {
            return -1; // a line too long for a value, or a message of one line
        }
        while (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t') {
            i--;
        }
        return i;
    }

    /** Where the line that the name at {@code name} starts (after its indent and a "- ") begins; -1 when it does not. */
    private static int lineStart(CharSequence s, int from, int name) {
        if (CharClass.isEscapedBreak(s, from, name)) {
            return name + 1; // "\nspring.datasource.password=": the escape's letter is no part of the name
        }
        int i = skipIndent(s, from, name);
        if (i > from && s.charAt(i - 1) == '-' && i < name) {
            i = skipIndent(s, from, i - 1); // "  - password: x", an item of a YAML list
        }
        return i == from || s.charAt(i - 1) == '\n' || CharClass.isEscapedBreak(s, from, i - 1) ? i : -1;
    }

    private static int skipIndent(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && at - i < MAX_INDENT && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
