package dev.primus.agent.masking;

/**
 * slack_webhook: the path of an incoming-webhook URL, {@code hooks.slack.com/services/} (a port
 * may follow the host: {@code hooks.slack.com:443/services/}) then
 * {@code T<team>/B<bot>/<24 letters and digits>}; and of a Workflow Builder webhook,
 * {@code hooks.slack.com/workflows/} or {@code /triggers/} then {@code T<team>/} and 43 or more
 * letters, digits and '/' (the workflow's ids and its secret). Anyone holding the path can post to
 * the channel; the host stays, so the line still says a Slack webhook was called. Found from the
 * 'T' and confirmed by looking back, so a line full of "https" costs no look-ahead.
 */
final class SlackWebhooks {
    private static final String HOST = "hooks.slack.com";
    private static final String PATH = "/services/";
    private static final String[] WORKFLOW_PATHS = {"/workflows/", "/triggers/"};
    private static final int MIN_ID = 8;
    private static final int MAX_ID = 12;
    private static final int SECRET = 24;
    /** A workflow's ids and secret after its team's id: 43 chars in the shortest Slack has issued. */
    private static final int MIN_WORKFLOW_PATH = 43;

    private SlackWebhooks() {
    }

    /** {@code at} is a 'T' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at <= from || s.charAt(at - 1) != '/') {
            return Match.NONE; // every path ends so: most upper-case words (TRACE, TLS) go no further
        }
        int path = at - PATH.length();
        if (path < from || !TextSearch.startsWith(s, path, end, PATH) || !isHostBefore(s, from, path, end)) {
            return workflow(s, from, at, end);
        }
        int bot = idEnd(s, at, end, 'T');
        if (bot < 0 || bot >= end || s.charAt(bot) != '/') {
            return Match.NONE;
        }
        int secret = idEnd(s, bot + 1, end, 'B');
        if (secret < 0 || secret >= end || s.charAt(secret) != '/') {
            return Match.NONE;
        }
        int stop = secret + 1 + SECRET;
        if (stop > end || CharClass.wordAt(s, stop, end)) {
            return Match.NONE;
        }
        for (int i = secret + 1; i < stop; i++) {
            if (!CharClass.isAlnum(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(at, stop);
    }

    private static long workflow(CharSequence s, int from, int at, int end) {
        for (String workflowPath : WORKFLOW_PATHS) {
            int path = at - workflowPath.length();
            if (path >= from && TextSearch.startsWith(s, path, end, workflowPath) && isHostBefore(s, from, path, end)) {
                int team = idEnd(s, at, end, 'T');
                if (team < 0 || team >= end || s.charAt(team) != '/') {
                    return Match.NONE;
                }
                int stop = team + 1;
                while (stop < end && (CharClass.isAlnum(s.charAt(stop)) || s.charAt(stop) == '/')) {
                    stop++;
                }
                return stop - team - 1 < MIN_WORKFLOW_PATH ? Match.NONE : Match.of(at, stop);
            }
        }
        return Match.NONE;
    }

    /** Whether Slack's webhook host ends at {@code at}, or before a port that does ({@code hooks.slack.com:443}). */
    private static boolean isHostBefore(CharSequence s, int from, int at, int end) {
        int host = TextSearch.hostEnd(s, from, at) - HOST.length();
        return host >= from && TextSearch.startsWith(s, host, end, HOST);
    }

    /** A Slack id: {@code kind} and 8 to 12 upper-case letters and digits; its end, or -1. */
    private static int idEnd(CharSequence s, int at, int end, char kind) {
        if (at >= end || s.charAt(at) != kind) {
            return -1;
        }
        int i = at + 1;
        while (i < end && i - at <= MAX_ID && (CharClass.isUpper(s.charAt(i)) || CharClass.isDigit(s.charAt(i)))) {
            i++;
        }
        int length = i - at - 1;
        return length < MIN_ID || length > MAX_ID ? -1 : i;
    }
}
