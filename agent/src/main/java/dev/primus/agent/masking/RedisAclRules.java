package dev.primus.agent.masking;

/**
 * For password_kv: the passwords of Redis's {@code ACL SETUSER}, its rules that start with
 * {@code >} (a password added), {@code <} (one removed) or {@code #} (a password's SHA-256), as a
 * session's transcript, MONITOR's quoted words and a client's RESP at TRACE write them
 * ({@code ACL SETUSER app on >hunter2 ~app:* +@read}; Lettuce's {@code $7 SETUSER $3 app $2 on $8 >hunter2},
 * a line break after each item, read by the length its line gives). Found from {@code SETUSER}: no
 * key, '=' or ':' stands before the password, so no other rule reaches it. The rules before the
 * first password and after the last stay.
 */
final class RedisAclRules {
    private static final String SETUSER = "setuser";
    /** How many of a command's arguments are read for a password: a user's name and its rules. */
    private static final int MAX_ARGUMENTS = 32;
    private static final int MAX_ARGUMENT = 512;
    private static final int SHA256_HEX = 64;

    private RedisAclRules() {
    }

    /** Whether {@code SETUSER}, any case, starts at {@code at}, then a space, a quote or a break: the scan's check. */
    static boolean mayStart(CharSequence s, int at, int end) {
        int after = at + SETUSER.length();
        if (after >= end || !TextSearch.equalsIgnoreCase(s, at, after, SETUSER)) {
            return false;
        }
        char c = s.charAt(after);
        return c == ' ' || c == '"' || c == '\r' || c == '\n' || c == '\\';
    }

    /** {@code at} is the 'S' of a word {@link #mayStart} let through. */
    static long match(CharSequence s, int at, int end) {
        if (!mayStart(s, at, end)) {
            return Match.NONE;
        }
        int i = at + SETUSER.length();
        // In RESP every item is on a line of its own; typed or quoted, the command ends with its line.
        boolean resp = TextSearch.breakEnd(s, i, end) > 0;
        long first = Match.NONE;
        long last = Match.NONE;
        for (int arguments = 0; arguments < MAX_ARGUMENTS; arguments++) {
            i = argumentStart(s, i, end, resp);
            if (i >= end) {
                break;
            }
            long bulk = resp ? RespCommands.bulkString(s, i, end) : Match.NONE;
            int start = bulk != Match.NONE ? Match.start(bulk) : i;
            boolean quoted = bulk == Match.NONE && s.charAt(i - 1) == '"';
            int stop = bulk != Match.NONE ? Match.end(bulk) : quoted ? PasswordValues.closingQuote(s, i, end, '"')
                    : wordEnd(s, i, end);
            long password = password(s, start, stop);
            if (password != Match.NONE) {
                first = first == Match.NONE ? password : first;
                last = password;
            }
            i = stop;
        }
        // One span, since no char after the first password would ask again: the rules between go with it.
        return first == Match.NONE ? first : Match.of(Match.start(first), Match.end(last));
    }

    /**
     * The password of the rule in {@code s[start, stop)}, after its {@code >}, {@code <} or {@code #};
     * NONE for any other rule.
     */
    private static long password(CharSequence s, int start, int stop) {
        if (stop - start < 2) {
            return Match.NONE;
        }
        char rule = s.charAt(start);
        if (rule == '>' || rule == '<') {
            return Match.of(start + 1, stop);
        }
        return rule == '#' && stop - start - 1 == SHA256_HEX && CharClass.hexEnd(s, start + 1, stop) == stop
                ? Match.of(start + 1, stop) : Match.NONE;
    }

    /** Past spaces and quotes, and in RESP line breaks, written or escaped; {@code end} at a typed command's line end. */
    private static int argumentStart(CharSequence s, int at, int end, boolean resp) {
        int i = at;
        while (i < end) {
            char c = s.charAt(i);
            int afterBreak = TextSearch.breakEnd(s, i, end);
            if (c == ' ' || c == '"') {
                i++;
            } else if (afterBreak > 0) {
                if (!resp) {
                    return end;
                }
                i = afterBreak;
            } else {
                break;
            }
        }
        return i;
    }

    /** To a space, a quote or a line break, written or escaped. */
    private static int wordEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_ARGUMENT) {
            char c = s.charAt(i);
            boolean escapedBreak = c == '\\' && i + 1 < end && CharClass.isEscapedBreak(s, i, i + 1);
            if (c == ' ' || c == '"' || c == '\r' || c == '\n' || escapedBreak) {
                break;
            }
            i++;
        }
        return i;
    }
}
