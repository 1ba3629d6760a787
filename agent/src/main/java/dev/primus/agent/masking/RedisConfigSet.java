package dev.primus.agent.masking;

/**
 * For password_kv: the password Redis's {@code CONFIG SET} gives the server ({@code requirepass})
 * or its link to a primary ({@code masterauth}), as a session's transcript, a client's command log
 * and its RESP at TRACE write it: {@code CONFIG SET requirepass hunter2}, MONITOR's quoted
 * {@code "CONFIG" "SET" "masterauth" "hunter2"}, and {@code $3 SET $11 requirepass $7 hunter2} with a
 * line break after each item (read by the length its line gives, as {@link RespCommands} reads
 * AUTH's). Found from the {@code SET} (or {@code set}, as typed into redis-cli); no key, '=' or
 * ':' stands before the value, so no other rule reaches it.
 */
final class RedisConfigSet {
    private static final String SET = "SET";
    private static final String[] PARAMETERS = {"requirepass", "masterauth"};
    private static final int MAX_VALUE = 512;

    private RedisConfigSet() {
    }

    /**
     * Whether {@code SET} or {@code set} starts at {@code at}, followed by a space and an 'r' or 'm',
     * a quote or a break: the scan's check, which most words starting with 's' fail at their second char.
     */
    static boolean mayStart(CharSequence s, int at, int end) {
        if (at + 4 >= end) {
            return false;
        }
        char first = s.charAt(at);
        boolean set = first == 'S' ? s.charAt(at + 1) == 'E' && s.charAt(at + 2) == 'T'
                : first == 's' && s.charAt(at + 1) == 'e' && s.charAt(at + 2) == 't';
        char after = s.charAt(at + 3);
        if (!set) {
            return false;
        }
        if (after == ' ') {
            char parameter = (char) (s.charAt(at + 4) | 0x20);
            return parameter == 'r' || parameter == 'm';
        }
        return after == '"' || after == '\r' || after == '\n' || after == '\\';
    }

    /** {@code at} is the 'S' of a word {@link #mayStart} let through; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!mayStart(s, at, end)) {
            return Match.NONE;
        }
        int afterSet = at + SET.length();
        if (s.charAt(afterSet) == ' ') {
            int value = parameterEnd(s, afterSet + 1, end);
            return value < 0 || value >= end || s.charAt(value) != ' ' ? Match.NONE : plainValue(s, value + 1, end);
        }
        if (s.charAt(afterSet) == '"') {
            boolean quoted = at > from && s.charAt(at - 1) == '"';
            if (!quoted || !TextSearch.startsWith(s, afterSet + 1, end, " \"")) {
                return Match.NONE;
            }
            int parameterEnd = parameterEnd(s, afterSet + 3, end);
            return parameterEnd < 0 || !TextSearch.startsWith(s, parameterEnd, end, "\" \"") ? Match.NONE
                    : quotedValue(s, parameterEnd + 3, end);
        }
        return resp(s, afterSet, end);
    }

    /** Where one of {@link #PARAMETERS} (any case) starting at {@code at} ends, or -1. */
    private static int parameterEnd(CharSequence s, int at, int end) {
        for (String parameter : PARAMETERS) {
            int stop = at + parameter.length();
            if (stop <= end && TextSearch.equalsIgnoreCase(s, at, stop, parameter)) {
                return stop;
            }
        }
        return -1;
    }

    /** An unquoted value to its word's end, or a quoted one to its closing quote. */
    private static long plainValue(CharSequence s, int at, int end) {
        if (at < end && (s.charAt(at) == '"' || s.charAt(at) == '\'')) {
            return quotedValue(s, at + 1, end, s.charAt(at));
        }
        int stop = at;
        while (stop < end && stop - at < MAX_VALUE && !Character.isWhitespace(s.charAt(stop))
                && !PasswordValues.isEscapedBreakAt(s, stop, end)) {
            stop++;
        }
        return stop == at || FrameworkValues.isOne(s, at, stop) ? Match.NONE : Match.of(at, stop);
    }

    private static long quotedValue(CharSequence s, int at, int end) {
        return quotedValue(s, at, end, '"');
    }

    private static long quotedValue(CharSequence s, int at, int end, char quote) {
        int close = at;
        while (close < end && close - at < MAX_VALUE && s.charAt(close) != quote) {
            close++;
        }
        return close == at || close >= end || s.charAt(close) != quote ? Match.NONE : Match.of(at, close);
    }

    /** RESP after {@code SET}: a break, the parameter as a bulk string, a break, the value as one. */
    private static long resp(CharSequence s, int afterSet, int end) {
        int parameterLine = TextSearch.breakEnd(s, afterSet, end);
        long parameter = parameterLine < 0 ? Match.NONE : RespCommands.bulkString(s, parameterLine, end);
        if (parameter == Match.NONE || parameterEnd(s, Match.start(parameter), end) != Match.end(parameter)) {
            return Match.NONE;
        }
        int valueLine = TextSearch.breakEnd(s, Match.end(parameter), end);
        return valueLine < 0 ? Match.NONE : RespCommands.bulkString(s, valueLine, end);
    }
}
