package dev.primus.agent.masking;

/**
 * For password_kv: a session's id in the sentences that say it was made or changed, where a word
 * stands between the noun and the id: Spring Security's {@code Changed session id from 8F3A…} (at
 * DEBUG on every login), Tomcat's {@code Session ID changed on authentication from [8F3A…] to [0B1C…]},
 * Tomcat's FORM login's {@code Session ID changed before forwarding to login page during FORM authentication
 * from [X] to [Y]}, Undertow's {@code Created session with id v9bN… for exchange …}, and an id with the new one after
 * it ({@code Changing session id X to Y}, {@code Session id X changed to Y}). The old id of a change
 * is dead once changed, but the new one is live, and a log that holds one holds the other: both are
 * masked, as one value from the first id to the second. Each id must read as machine-made
 * ({@link ProseSecrets#readsAsCredential}), as after the noun itself.
 */
final class SessionIdChanges {
    private static final String SESSION = "session";
    private static final String[] WITH_ID = {"with id"};
    private static final String FROM = "from";
    /** What stands between the old id and the new: Undertow's {@code Changing session id X to Y}. */
    private static final String[] TO = {" to ", " changed to "};
    /**
     * What a message may say of the id before "from": {@code changed on authentication}, Tomcat's
     * {@code changed before forwarding to login page during FORM authentication}.
     */
    private static final int MAX_WORDS = 10;
    private static final int MAX_WORD = 16;
    private static final int MAX_SPACES = 3;

    private SessionIdChanges() {
    }

    /**
     * The id, or both ids of a change, after the noun that starts at {@code at} and ends at
     * {@code nounEnd}; NONE if the noun is no session's or no such sentence follows.
     */
    static long after(CharSequence s, int at, int nounEnd, int end) {
        if (!TextSearch.startsWithIgnoreCase(s, at, end, SESSION)) {
            return Match.NONE;
        }
        int next = TextSearch.pastSpaces(s, nounEnd, end, MAX_SPACES);
        int value = ProsePasswords.afterOneOf(WITH_ID, s, next, end, false);
        if (value >= 0) {
            return ProseSecrets.valueAt(s, value, end);
        }
        value = afterFrom(s, next, end);
        if (value < 0) {
            value = next; // the old id right after the noun: "session id X to Y", "Session id X changed to Y"
        }
        long first = ProseSecrets.valueAt(s, value, end);
        if (first == Match.NONE) {
            return Match.NONE;
        }
        int closed = Match.start(first) > value ? Match.end(first) + 1 : Match.end(first);
        for (String to : TO) {
            if (TextSearch.startsWith(s, closed, end, to)) {
                long second = ProseSecrets.valueAt(s, closed + to.length(), end);
                return second == Match.NONE ? first : Match.of(Match.start(first), Match.end(second));
            }
        }
        return first;
    }

    /** Past up to {@link #MAX_WORDS} words of letters and "from ": where the id starts, or -1. */
    private static int afterFrom(CharSequence s, int at, int end) {
        int i = at;
        for (int words = 0; words <= MAX_WORDS; words++) {
            if (TextSearch.startsWith(s, i, end, FROM) && i + FROM.length() < end && s.charAt(i + FROM.length()) == ' ') {
                return TextSearch.pastSpaces(s, i + FROM.length(), end, MAX_SPACES);
            }
            int wordStart = i;
            while (i < end && i - wordStart < MAX_WORD && CharClass.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == wordStart || i >= end || s.charAt(i) != ' ') {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
