package dev.primus.agent.masking;

/**
 * For password_kv: the password in FreeRADIUS's log of a login, as {@code auth_badpass} and
 * {@code auth_goodpass} write it to {@code radius.log} and its debug output:
 * {@code Login OK: [alice@example.com/Al1ce-Secr3t!] (from client localhost port 10)},
 * {@code Login incorrect (pap: Cleartext password does not match "known good" password): [bob/x] (from client …)}.
 * The user and the password are joined by the first '/', the password runs to the {@code ] (from }
 * that closes the pair; a placeholder in angle brackets ({@code <CHAP-Password>},
 * {@code <via Auth-Type = mschap>}) holds none.
 */
final class RadiusLoginLines {
    private static final String LOGIN = "Login ";
    private static final String PAIR = ": [";
    private static final String FROM = "] (from ";
    /** How far the pair may stand after "Login ": the reason FreeRADIUS gives for a refusal goes between. */
    private static final int MAX_REASON = 256;
    private static final int MAX_PAIR = 512;

    private RadiusLoginLines() {
    }

    /** Whether "Login " starts at {@code at}: what the scan checks before calling. */
    static boolean mayStart(CharSequence s, int at, int end) {
        return TextSearch.startsWith(s, at, end, LOGIN);
    }

    /** {@code at} is an 'L' at a word's start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!mayStart(s, at, end) || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int pair = TextSearch.indexOf(s, PAIR, at + LOGIN.length(), Math.min(end, at + LOGIN.length() + MAX_REASON));
        if (pair < 0) {
            return Match.NONE;
        }
        int user = pair + PAIR.length();
        int close = TextSearch.indexOf(s, FROM, user, Math.min(end, user + MAX_PAIR));
        int slash = close < 0 ? -1 : TextSearch.indexOf(s, '/', user, close);
        if (slash < 0 || slash + 1 == close || s.charAt(slash + 1) == '<' && s.charAt(close - 1) == '>') {
            return Match.NONE;
        }
        return Match.of(slash + 1, close);
    }
}
