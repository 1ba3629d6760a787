package dev.primus.agent.masking;

/**
 * Whether a line starts the way a log record does, so that a reader or a log shipper would take
 * it for one: a level word ({@code ERROR}, {@code [WARN]}, {@code <SEVERE>}) or a time stamp
 * ({@code 2026-12-03}, {@code 2026/12/03}, {@code 03-Dec-2026}, {@code 03/12/2026},
 * {@code 10:11:52}, syslog's {@code Dec  3 10:11:52}), optionally after one '[' or '<'. What a
 * developer writes after a break in a message (a tab and a detail, a stack frame's {@code at},
 * a banner line) starts otherwise.
 */
final class RecordStart {
    private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "FATAL",
        "SEVERE", "CRITICAL", "ALERT", "EMERG", "FINE", "FINER", "FINEST", "CONFIG"};
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    private RecordStart() {
    }

    static boolean at(CharSequence s, int at) {
        int i = at;
        int end = s.length();
        if (i < end && (s.charAt(i) == '[' || s.charAt(i) == '<')) {
            i++;
        }
        return i < end && (level(s, i, end) || timestamp(s, i, end));
    }

    private static boolean level(CharSequence s, int at, int end) {
        if (!CharClass.isUpper(s.charAt(at))) {
            return false;
        }
        for (String level : LEVELS) {
            int stop = at + level.length();
            if (TextSearch.startsWith(s, at, end, level) && (stop == end || !CharClass.isLetter(s.charAt(stop)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean timestamp(CharSequence s, int at, int end) {
        if (oneOf(DAYS, s, at, end) && charAt(s, at + 3, end) == ' ' && oneOf(MONTHS, s, at + 4, end)) {
            // ctime's "Mon Dec  7 10:31:02 2026" (vsftpd's log) and Apache httpd's "[Mon Dec 07 10:07:51.761426 2026]".
            return timestamp(s, at + 4, end);
        }
        if (oneOf(MONTHS, s, at, end)) {
            // Syslog: "Dec  3 10:11:52", "Dec 13 ...".
            int day = at + 4;
            return day + 1 < end && s.charAt(at + 3) == ' ' && (s.charAt(day) == ' ' || CharClass.isDigit(s.charAt(day)))
                    && CharClass.isDigit(s.charAt(day + 1));
        }
        if (!CharClass.digits(s, at, 2, end)) {
            return false;
        }
        if (CharClass.digits(s, at + 2, 2, end)) {
            // 2026-12-03, 2026/12/03, 2026.12.03
            return dateSeparator(s, at + 4, end) && CharClass.digits(s, at + 5, 2, end)
                    && charAt(s, at + 7, end) == s.charAt(at + 4) && CharClass.digits(s, at + 8, 2, end);
        }
        char separator = charAt(s, at + 2, end);
        if (separator == ':') {
            // 10:11:52
            return CharClass.digits(s, at + 3, 2, end) && charAt(s, at + 5, end) == ':' && CharClass.digits(s, at + 6, 2, end);
        }
        if (!dateSeparator(s, at + 2, end)) {
            return false;
        }
        // 03-12-2026, 03/12/2026, 03.12.2026, 03-Dec-2026, 03/Dec/2026
        int next = CharClass.digits(s, at + 3, 2, end) ? at + 5 : oneOf(MONTHS, s, at + 3, end) ? at + 6 : -1;
        return next > 0 && charAt(s, next, end) == separator && CharClass.digits(s, next + 1, 4, end);
    }

    /** Whether {@code s} has at {@code at} one of the three-letter names {@code names} runs together. */
    private static boolean oneOf(String names, CharSequence s, int at, int end) {
        if (at + 3 > end || !CharClass.isUpper(s.charAt(at))) {
            return false;
        }
        for (int m = 0; m < names.length(); m += 3) {
            if (s.charAt(at) == names.charAt(m) && s.charAt(at + 1) == names.charAt(m + 1)
                    && s.charAt(at + 2) == names.charAt(m + 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dateSeparator(CharSequence s, int at, int end) {
        char c = charAt(s, at, end);
        return c == '-' || c == '/' || c == '.';
    }

    private static char charAt(CharSequence s, int at, int end) {
        return at < end ? s.charAt(at) : 0;
    }
}
