package dev.primus.agent.masking;

/**
 * For password_kv: an {@code auth=} that names who authenticated, not with what. UW imapd and
 * ipop3d log {@code Login failed user=bob auth=bob host=…}, where {@code auth} is the SASL
 * authentication identity, the user's own name when no one logs in for another. Such a value is
 * the {@code user=} before it on the same line, word for word.
 */
final class AuthIdentities {
    private static final String USER = "user=";
    /** How far back on the line the {@code user=} is looked for. */
    private static final int MAX_BEFORE = 256;

    private AuthIdentities() {
    }

    /** Whether the unquoted value at {@code value} is, word for word, the {@code user=} value before {@code keyStart}. */
    static boolean isUsersOwnName(CharSequence s, int from, int keyStart, int value, int end) {
        int user = TextSearch.afterOnLine(s, from, keyStart, USER, MAX_BEFORE);
        if (user < 0 || (user - USER.length() > from && CharClass.isWord(s.charAt(user - USER.length() - 1)))) {
            return false;
        }
        int userEnd = wordEnd(s, user, end);
        int valueEnd = wordEnd(s, value, end);
        if (userEnd == user || valueEnd - value != userEnd - user) {
            return false;
        }
        for (int i = 0; i < userEnd - user; i++) {
            if (s.charAt(user + i) != s.charAt(value + i)) {
                return false;
            }
        }
        return true;
    }

    private static int wordEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && s.charAt(i) != ' ' && s.charAt(i) != '\t' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
