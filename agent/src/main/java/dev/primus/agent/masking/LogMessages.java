package dev.primus.agent.masking;

/**
 * Where one log message ends and the next begins in written log text, for tools that read a log
 * file rather than a logging call: a line that starts the way a record does ({@link RecordStart})
 * or a blank line begins a new message; any other line (a stack frame, a PEM body, a banner's
 * next line) goes on with the one before. So {@code mask} sees a multi-line message whole, as
 * the agent does.
 */
public final class LogMessages {
    private LogMessages() {
    }

    /** Whether {@code line} (without its line break) begins a new message. */
    public static boolean beginsMessage(CharSequence line) {
        return isBlank(line) || RecordStart.at(line, 0);
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
