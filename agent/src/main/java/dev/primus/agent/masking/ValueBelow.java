package dev.primus.agent.masking;

/**
 * A value printed alone on a line under the line that names it, as servers print the credential
 * they generated at their first start: Jenkins' "Please use the following password to proceed to
 * installation:", a blank line, then the password; Elasticsearch's "Password for the elastic user
 * (reset with ...):" then the password indented, and its Kibana enrollment token the same way. The
 * naming line ends with ':'; under it, after blank lines, one word stands alone on its line, and
 * the line after it is blank or the text ends there. A list under a heading ("Users with an expired
 * password:" and a name a line) is no value. A line break is read raw or escaped ({@code \n}), as
 * the message holds it either way.
 */
final class ValueBelow {
    /** How far the naming line may run on after the word: Elasticsearch's is 80 chars. */
    private static final int MAX_LINE_AFTER_WORD = 160;
    /** How many line breaks may stand between the naming line and the value (Jenkins: two). */
    private static final int MAX_BREAKS = 4;
    private static final int MAX_INDENT = 8;
    private static final int MAX_VALUE = 2048;

    private ValueBelow() {
    }

    /**
     * The lone word under the line that the word ending at {@code wordEnd} stands on, when that line
     * ends with ':'; else {@link Match#NONE}. The caller judges whether the word reads as its value.
     */
    static long under(CharSequence s, int wordEnd, int end) {
        int lineEnd = wordEnd;
        while (lineEnd < end && lineEnd - wordEnd < MAX_LINE_AFTER_WORD && breakAt(s, lineEnd, end) == 0) {
            lineEnd++;
        }
        int colon = lineEnd - 1;
        while (colon >= wordEnd && s.charAt(colon) == ' ') {
            colon--;
        }
        if (lineEnd >= end || breakAt(s, lineEnd, end) == 0 || colon < wordEnd || s.charAt(colon) != ':') {
            return Match.NONE;
        }
        int start = lineEnd;
        int breaks = 0;
        for (int length = breakAt(s, start, end); length > 0 && breaks < MAX_BREAKS; length = breakAt(s, start, end)) {
            start = indent(s, start + length, end);
            breaks++;
        }
        int stop = start;
        while (stop < end && stop - start <= MAX_VALUE && !Character.isWhitespace(s.charAt(stop))
                && breakAt(s, stop, end) == 0) {
            stop++;
        }
        if (stop == start || stop - start > MAX_VALUE || !endsAlone(s, stop, end)) {
            return Match.NONE;
        }
        return Match.of(start, stop);
    }

    /** Whether only spaces stand between {@code at} and the end of the text or a blank line. */
    private static boolean endsAlone(CharSequence s, int at, int end) {
        int i = indent(s, at, end);
        if (i >= end) {
            return true;
        }
        int length = breakAt(s, i, end);
        if (length == 0) {
            return false;
        }
        i = indent(s, i + length, end);
        return i >= end || breakAt(s, i, end) > 0;
    }

    /** The length of the line break at {@code at}: CR LF, CR, LF, or their escapes; 0 when there is none. */
    private static int breakAt(CharSequence s, int at, int end) {
        char c = s.charAt(at);
        if (c == '\r') {
            return at + 1 < end && s.charAt(at + 1) == '\n' ? 2 : 1;
        }
        if (c == '\n') {
            return 1;
        }
        if (c == '\\' && PasswordValues.isEscapedBreakAt(s, at, end)) {
            return s.charAt(at + 1) == 'r' && at + 3 < end && s.charAt(at + 2) == '\\' && s.charAt(at + 3) == 'n'
                    ? 4 : 2;
        }
        return 0;
    }

    private static int indent(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_INDENT && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
