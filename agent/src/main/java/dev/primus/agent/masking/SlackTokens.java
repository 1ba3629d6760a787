package dev.primus.agent.masking;

/**
 * slack_token: {@code xoxb- xoxp- xoxa- xoxr- xoxs-} tokens, {@code xoxe-} refresh tokens (and
 * the {@code xoxp-} part of an {@code xoxe.xoxp-} configuration token) and {@code xapp-} app-level
 * tokens, followed by 10 or more letters, digits or dashes.
 */
final class SlackTokens {
    private static final int MIN_BODY = 10;

    private SlackTokens() {
    }

    /** {@code at} is an 'x' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        boolean prefix = isXoxPrefix(s, at, end) || TextSearch.startsWith(s, at, end, "xapp-");
        if (!prefix || CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        int body = at + 5;
        int stop = body;
        while (stop < end && (CharClass.isAlnum(s.charAt(stop)) || s.charAt(stop) == '-')) {
            stop++;
        }
        return stop - body < MIN_BODY ? Match.NONE : Match.of(at, stop);
    }

    private static boolean isXoxPrefix(CharSequence s, int at, int end) {
        return TextSearch.startsWith(s, at, end, "xox") && at + 5 <= end && "bapres".indexOf(s.charAt(at + 3)) >= 0
                && s.charAt(at + 4) == '-';
    }
}
