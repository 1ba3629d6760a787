package dev.primus.agent.masking;

/**
 * Replaces CR and LF with the two-character escapes {@code \r} and {@code \n} where a line break
 * could forge a log record. Nothing else is touched. Runs before detection, so that the detectors
 * see exactly the text they will see when the output is masked again.
 *
 * <p>Injection comes from data, not from what a developer wrote. So a value on its own (an
 * argument, an MDC value, an exception's message) has every break escaped; in a formatted message
 * a break that came from an argument is escaped, and a break of the template stays unless the
 * text after it could pass for a new record: a time stamp or a level word at its start
 * ({@link RecordStart}). {@code log.info("user " + input)} puts data in the template, and that
 * rule is what stops it there; Hibernate's twelve-line start-up message stays as written.
 */
final class LineBreaks {
    private LineBreaks() {
    }

    /** Whether {@code text} holds a CR or LF. */
    static boolean any(String text) {
        // String.indexOf is a vectorised intrinsic: two of them beat one charAt loop.
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /** Every break escaped; the same instance when it has no CR or LF. */
    static String escape(String text) {
        return any(text) ? neutralise(text, null, null, true) : text;
    }

    /** Escapes every break of {@code text[from, end)} in place; true when it changed anything. */
    static boolean escape(StringBuilder text, int from) {
        return neutralise(text, from, null, null, true);
    }

    /**
     * A formatted message with the breaks its arguments put there escaped, and those of its
     * template that would start a forged record; the same instance when none is.
     * {@code template} null: the message is its own template.
     */
    static String neutralise(String formatted, String template, Object[] arguments) {
        return any(formatted) ? neutralise(formatted, template, arguments, allFromData(template)) : formatted;
    }

    /** {@link #neutralise(String, String, Object[])} in place, from {@code from}; true when it changed anything. */
    static boolean neutralise(StringBuilder text, int from, String template, Object[] arguments) {
        return neutralise(text, from, template, arguments, allFromData(template));
    }

    /** A template without a break: every break of the formatted message came from an argument. */
    private static boolean allFromData(String template) {
        return template != null && !any(template);
    }

    private static String neutralise(String text, String template, Object[] arguments, boolean all) {
        Forgeries forgeries = all ? null : new Forgeries(argumentRanges(text, 0, template, arguments));
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '\n' || c == '\r') && (all || forgeries.forges(text, i, i))) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append(c == '\n' ? "\\n" : "\\r");
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean neutralise(StringBuilder text, int from, String template, Object[] arguments, boolean all) {
        int first = firstBreak(text, from);
        if (first < 0) {
            return false;
        }
        Forgeries forgeries = all ? null : new Forgeries(argumentRanges(text, from, template, arguments));
        // Rebuilt from the first break on, in one pass: replacing char by char would shift the
        // tail once per break. What follows a break, which decides it, is read from the copy.
        String tail = text.substring(first);
        text.setLength(first);
        boolean changed = false;
        for (int j = 0; j < tail.length(); j++) {
            char c = tail.charAt(j);
            if ((c == '\n' || c == '\r') && (all || forgeries.forges(tail, j, first + j))) {
                text.append(c == '\n' ? "\\n" : "\\r");
                changed = true;
            } else {
                text.append(c);
            }
        }
        return changed;
    }

    /**
     * Which breaks of one message forge a record: those an argument put there, and those after
     * which the text reads as a new record. What follows a run of breaks is read once for the run,
     * so that a message of many breaks in a row costs one pass, not a read of the run per break.
     */
    private static final class Forgeries {
        /** The arguments' ranges in the message, start and end pairs; null when none holds a break. */
        private final int[] data;
        /** The end of the last run of breaks read, and whether a record starts there. */
        private int runEnd = -1;
        private boolean recordAfterRun;

        Forgeries(int[] data) {
            this.data = data;
        }

        /** Whether the break at {@code i} of {@code text} forges; {@code original} is its index in the whole message. */
        boolean forges(CharSequence text, int i, int original) {
            for (int k = 0; data != null && k < data.length; k += 2) {
                if (original >= data[k] && original < data[k + 1]) {
                    return true;
                }
            }
            if (i >= runEnd) {
                int next = i;
                while (next < text.length() && (text.charAt(next) == '\n' || text.charAt(next) == '\r')) {
                    next++;
                }
                runEnd = next;
                recordAfterRun = RecordStart.at(text, next);
            }
            return recordAfterRun;
        }
    }

    /**
     * Where the String arguments that hold a break stand in the formatted text, as start and end
     * pairs, found in order; null when none holds one. Only when both the template and an argument
     * hold breaks does this cost a search.
     */
    private static int[] argumentRanges(CharSequence text, int from, String template, Object[] arguments) {
        if (template == null || arguments == null) {
            return null;
        }
        int[] ranges = null;
        int count = 0;
        int cursor = from;
        String all = text.toString();
        for (Object argument : arguments) {
            if (!(argument instanceof String) || !any((String) argument)) {
                continue;
            }
            int at = all.indexOf((String) argument, cursor);
            if (at < 0) {
                continue;
            }
            if (ranges == null) {
                ranges = new int[2 * arguments.length];
            }
            ranges[count++] = at;
            ranges[count++] = at + ((String) argument).length();
            cursor = at + ((String) argument).length();
        }
        return ranges == null ? null : java.util.Arrays.copyOf(ranges, count);
    }

    /** The index of the first CR or LF from {@code from}, or -1. */
    static int firstBreak(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
