package dev.primus.agent.masking;

/**
 * For password_kv: Redis's {@code AUTH} as a client logs the bytes it sends, in RESP, the
 * protocol's encoding: each argument a {@code $length} line and then the argument's line. Lettuce
 * does at TRACE ({@code Sent: *5 $5 HELLO $1 3 $4 AUTH $7 default $11 hunter2...}, a line break
 * after each item) on every connection it opens with a password. After an {@code AUTH} item (the
 * {@code AUTH} command's, or the option of {@code HELLO} and {@code MIGRATE}) come one or two
 * arguments, an ACL user's name and the password, or the password alone: the last of them is
 * masked, read by the length its line gives. The breaks are as the message holds them: CR LF or
 * LF, or escaped ({@code \r\n}) where the agent neutralised them in an argument.
 */
final class RespCommands {
    private static final String AUTH = "AUTH";
    private static final String AUTH_LENGTH = "$4";
    /** An ACL user's name and a password. */
    private static final int MAX_ARGUMENTS = 2;
    /** The longest argument read by its length: a password, not a payload. */
    private static final int MAX_LENGTH = 512;
    private static final int MAX_LENGTH_DIGITS = 3;

    private RespCommands() {
    }

    /**
     * The password after the {@code AUTH} item at {@code at} (the four letters and a line break), a
     * {@code $4} line before it; nothing before {@code from} read.
     */
    static long match(CharSequence s, int from, int at, int end) {
        int lengthLine = breakStart(s, from, at);
        if (lengthLine < 0 || !TextSearch.endsWith(s, from, lengthLine, AUTH_LENGTH)) {
            return Match.NONE;
        }
        int i = TextSearch.breakEnd(s, at + AUTH.length(), end);
        long last = Match.NONE;
        for (int arguments = 0; arguments < MAX_ARGUMENTS && i > 0; arguments++) {
            long argument = bulkString(s, i, end);
            if (argument == Match.NONE) {
                break;
            }
            last = argument;
            i = TextSearch.breakEnd(s, Match.end(argument), end);
        }
        return last;
    }

    /**
     * The bulk string whose {@code $length} line starts at {@code at}: the text after that line's
     * break, as long as the line says, at most {@link #MAX_LENGTH} chars; NONE when none stands there.
     */
    static long bulkString(CharSequence s, int at, int end) {
        if (at >= end || s.charAt(at) != '$') {
            return Match.NONE;
        }
        int digits = at + 1;
        int length = 0;
        while (digits < end && CharClass.isDigit(s.charAt(digits)) && digits - at <= MAX_LENGTH_DIGITS) {
            length = length * 10 + s.charAt(digits) - '0';
            digits++;
        }
        int value = digits == at + 1 ? -1 : TextSearch.breakEnd(s, digits, end);
        return value < 0 || length == 0 || length > MAX_LENGTH || value + length > end ? Match.NONE
                : Match.of(value, value + length);
    }

    /** Where the line break that ends right at {@code at} starts, as {@link TextSearch#breakEnd} reads one, or -1. */
    private static int breakStart(CharSequence s, int from, int at) {
        for (int length = 4; length >= 1; length--) {
            int start = at - length;
            if (start >= from && TextSearch.breakEnd(s, start, at) == at) {
                return start;
            }
        }
        return -1;
    }
}
