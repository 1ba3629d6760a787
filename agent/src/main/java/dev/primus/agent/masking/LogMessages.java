package dev.primus.agent.masking;

/**
 * Where one log message ends and the next begins in written log text, for tools that read a log
 * file rather than a logging call. A blank line begins a new message. In a log whose records start
 * the way {@link RecordStart} knows (a time stamp, a level word), so does every line that starts
 * so, and any other line (a stack frame, a PEM body, a banner's next line, a YAML a developer
 * logged) goes on with the one before. In a log whose records start otherwise (an access log's
 * client address, glog's {@code I1207}, CUPS's {@code d [07/Dec/2026:…]}, Spark's {@code 26/12/07},
 * JSON lines), every line begins a message but an indented one or a stack trace's
 * {@code Caused by:}: read by the first rule, such a file would be one message, and a value found
 * in one record would be masked wherever it recurs in any other. So {@code mask} sees a multi-line
 * message whole, as the agent does, and no more.
 */
public final class LogMessages {
    private static final String[] TRACE_CONTINUATIONS = {"Caused by: ", "Suppressed: "};

    private LogMessages() {
    }

    /**
     * Whether {@code line} (without its line break) begins a new message, after a message whose
     * first line started as a record does ({@code afterRecord}, {@link #startsRecord}) or not.
     */
    public static boolean beginsMessage(CharSequence line, boolean afterRecord) {
        if (isBlank(line) || RecordStart.at(line, 0)) {
            return true;
        }
        return !afterRecord && !isContinuation(line);
    }

    /** Whether {@code line} starts the way a log record does: a time stamp or a level word. */
    public static boolean startsRecord(CharSequence line) {
        return RecordStart.at(line, 0);
    }

    /** An indented line, or a stack trace's cause, which go on with the line before in any log. */
    private static boolean isContinuation(CharSequence line) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        for (String start : TRACE_CONTINUATIONS) {
            if (TextSearch.startsWith(line, 0, line.length(), start)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isBlank(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
