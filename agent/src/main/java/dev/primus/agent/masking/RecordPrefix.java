package dev.primus.agent.masking;

/**
 * Where a record's message starts in a log line written whole, as {@code mask} reads a log file:
 * after {@code " - "} (Logback's and Log4j's patterns), {@code " : "} (Spring Boot's), a thread in
 * parentheses after the logger's bracket (JBoss LogManager's) or PostgreSQL's level and {@code ":  "}, on a line
 * that starts as a record does ({@link RecordStart}: a time stamp or a level). The agent masks a
 * message alone, so a detector that reads what starts a message (a protocol's command, Hibernate's
 * {@code binding parameter}) finds it at the text's start; on a file's line it finds it here.
 */
final class RecordPrefix {
    /** The longest prefix a layout writes before a record's message: time, thread, level, logger. */
    private static final int MAX_PREFIX = 256;
    /** The longest thread name read between parentheses. */
    private static final int MAX_THREAD = 96;
    /** PostgreSQL's shortest level word: LOG. */
    private static final int MIN_LEVEL = 3;

    private RecordPrefix() {
    }

    /** Whether {@code at} starts the message of the record whose line it is on; nothing before {@code from} is read. */
    static boolean endsAt(CharSequence s, int from, int at) {
        if (at - 3 < from || s.charAt(at - 1) != ' ' || !isSeparator(s, at - 3) && s.charAt(at - 2) != ')') {
            return false;
        }
        int lineStart = at - 2;
        while (lineStart > from && at - lineStart <= MAX_PREFIX && s.charAt(lineStart - 1) != '\n'
                && s.charAt(lineStart - 1) != '\r' && !CharClass.isEscapedBreak(s, from, lineStart - 1)) {
            lineStart--;
        }
        return at - lineStart <= MAX_PREFIX && RecordStart.at(s, lineStart) && afterPrefix(s, lineStart, at) == at;
    }

    /** Where the message starts on the record's line that starts at {@code lineStart}; -1 when it starts no record. */
    static int messageStart(CharSequence s, int lineStart, int end) {
        if (!RecordStart.at(s, lineStart)) {
            return -1;
        }
        return afterPrefix(s, lineStart, (int) Math.min(end, (long) lineStart + MAX_PREFIX));
    }

    /**
     * After the first " - ", " : " or PostgreSQL's {@code "LOG:  "}, or the thread in parentheses after the
     * logger's bracket that JBoss LogManager's pattern writes ({@code INFO  [org.keycloak.events] (executor-thread-1) },
     * WildFly's and Quarkus's), in {@code s[start, stop)} before a line break; or -1.
     */
    private static int afterPrefix(CharSequence s, int start, int stop) {
        for (int i = start; i + 3 <= stop; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (isSeparator(s, i) || isPostgresLevel(s, start, i)) {
                return i + 3;
            }
            if (c == ']' && s.charAt(i + 1) == ' ' && s.charAt(i + 2) == '(') {
                int close = threadEnd(s, i + 3, stop);
                if (close > 0) {
                    return close + 2;
                }
            }
        }
        return -1;
    }

    /** The ')' that closes a thread's name opened before {@code at} and a space after it, within {@code stop}; or -1. */
    private static int threadEnd(CharSequence s, int at, int stop) {
        for (int i = at; i + 1 < stop && i - at <= MAX_THREAD; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '(') {
                return -1;
            }
            if (c == ')') {
                return s.charAt(i + 1) == ' ' ? i : -1;
            }
        }
        return -1;
    }

    /**
     * Whether a ':' and two spaces at {@code at} end a level's word in capitals, as PostgreSQL's server
     * log writes one after its line prefix ({@code 2026-12-07 21:20:10.227 UTC [2216] LOG:  execute …},
     * {@code DETAIL:  parameters: …}).
     */
    private static boolean isPostgresLevel(CharSequence s, int start, int at) {
        if (s.charAt(at) != ':' || s.charAt(at + 1) != ' ' || s.charAt(at + 2) != ' ') {
            return false;
        }
        int word = at;
        while (word > start && CharClass.isUpper(s.charAt(word - 1))) {
            word--;
        }
        return at - word >= MIN_LEVEL && word > start && s.charAt(word - 1) == ' ';
    }

    private static boolean isSeparator(CharSequence s, int at) {
        char middle = s.charAt(at + 1);
        return s.charAt(at) == ' ' && (middle == '-' || middle == ':') && s.charAt(at + 2) == ' ';
    }
}
