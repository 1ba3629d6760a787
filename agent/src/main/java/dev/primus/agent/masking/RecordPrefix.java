package dev.primus.agent.masking;

/**
 * Where a record's message starts in a log line written whole, as {@code mask} reads a log file:
 * after {@code " - "} (Logback's and Log4j's patterns) or {@code " : "} (Spring Boot's), on a line
 * that starts as a record does ({@link RecordStart}: a time stamp or a level). The agent masks a
 * message alone, so a detector that reads what starts a message (a protocol's command, Hibernate's
 * {@code binding parameter}) finds it at the text's start; on a file's line it finds it here.
 */
final class RecordPrefix {
    /** The longest prefix a layout writes before a record's message: time, thread, level, logger. */
    private static final int MAX_PREFIX = 256;

    private RecordPrefix() {
    }

    /** Whether {@code at} starts the message of the record whose line it is on; nothing before {@code from} is read. */
    static boolean endsAt(CharSequence s, int from, int at) {
        if (at - 3 < from || !isSeparator(s, at - 3)) {
            return false;
        }
        int lineStart = at - 3;
        while (lineStart > from && at - lineStart <= MAX_PREFIX && s.charAt(lineStart - 1) != '\n'
                && s.charAt(lineStart - 1) != '\r' && !CharClass.isEscapedBreak(s, from, lineStart - 1)) {
            lineStart--;
        }
        return at - lineStart <= MAX_PREFIX && RecordStart.at(s, lineStart) && firstSeparator(s, lineStart, at) == at - 3;
    }

    /** Where the message starts on the record's line that starts at {@code lineStart}; -1 when it starts no record. */
    static int messageStart(CharSequence s, int lineStart, int end) {
        if (!RecordStart.at(s, lineStart)) {
            return -1;
        }
        int separator = firstSeparator(s, lineStart, (int) Math.min(end, (long) lineStart + MAX_PREFIX));
        return separator < 0 ? -1 : separator + 3;
    }

    /** The first " - " or " : " in {@code s[start, stop)} before a line break, or -1. */
    private static int firstSeparator(CharSequence s, int start, int stop) {
        for (int i = start; i + 3 <= stop; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (isSeparator(s, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(CharSequence s, int at) {
        char middle = s.charAt(at + 1);
        return s.charAt(at) == ' ' && (middle == '-' || middle == ':') && s.charAt(at + 2) == ' ';
    }
}
