package dev.primus.agent.masking;

/**
 * A token, secret or API key written after the word that names it, with no separator, or after a
 * name whose last word it is ({@code access_token x}, {@code accessToken x}):
 * {@code Created token Xk9mP2qLw8zT4vR7nB3c for alice}, {@code Your API key is sk9Xk2mPq7LwT4zR8vN3},
 * as {@code log.info("Generated API key {} for tenant {}", key, tenant)} writes one. The three
 * words stand far more often before data that is no credential than "password" does (a parser's
 * "unexpected token", a cache key, a Kubernetes secret's name), so the value must read as one a
 * machine made:
 * <ul>
 *   <li>16 to 512 chars of a token's alphabet (letters, digits, {@code -._~+/}, '=' padding), with
 *       a letter and a digit in it, ended by a space, the end, or the sentence's punctuation;</li>
 *   <li>with no capital in it: hex and '-' (a UUID, a digest-shaped key) or letters and digits
 *       alone: a Kubernetes object's name ({@code default-token-x7k2p}) and a path are lower case
 *       with '-', '.' or '/';</li>
 *   <li>not a name a developer wrote: in camel case ({@code MySecretName2024}) or capitals with
 *       '_' ({@code TOKEN_TYPE_V2}), nor anything {@link FrameworkValues} knows.</li>
 * </ul>
 * "key" counts only after a word that makes it a credential ({@link #KEY_KINDS}: API key, secret
 * key, license key): a cache, primary or idempotency key is data. A plain word after the noun
 * ({@code token expired}, {@code secret not found}) is prose and never read as a value. In quotes
 * or brackets ({@code token 'x'}, {@code Token [x] expired}) the value is read to the closing one; after
 * one or two lower-case words and a colon ({@code Token expired: x}, {@code API key revoked: x}) as
 * after the noun itself; after whose it is and a link ({@code Client secret for client 'orders' is x},
 * {@code API key of tenant acme: x}), as a password's. The same value alone on a line under one
 * that names it and ends with ':' ({@link ValueBelow}:
 * Elasticsearch's Kibana enrollment token).
 */
final class ProseSecrets {
    /**
     * The nouns, each followed by a space; the scan asks here at their first char ({@link #mayStart}).
     * A session's id is a credential too: whoever sends it is the user it was given to. Servlet
     * containers and Spring Security log it so ({@code Registering session 8F3A…, for principal bob},
     * {@code Invalidated session 8F3A…}, {@code New HTTP session created: 8F3A…}); ZooKeeper's
     * {@code session 0x14f05578bf60001} is a hex number, which {@link FrameworkValues} knows.
     */
    private static final String[] NOUNS = {"token", "secret", "key", "session id", "session"};
    /** The names of a key holding a session's id, compared as {@link KeyedValue#keyEndsWith} does. */
    private static final String SESSION_ID = "sessionid";
    private static final String SESSION = "session";
    /** Keycloak's code of a login's session in its login-actions URLs: {@code ?session_code=x&execution=…}. */
    private static final String SESSION_CODE = "sessioncode";
    /**
     * Spring Security's remember-me cookie ({@code remember-me}; Shiro's {@code rememberMe}): it
     * logs its holder in as a session's id does, for weeks.
     */
    private static final String REMEMBER_ME = "rememberme";
    /** A session's id as an access log's pattern names it: Tomcat's {@code %S} written {@code sess=%S}. */
    private static final String SESS = "sess";
    /** Django's name for its sessions' ids, {@code django_session.session_key}. */
    private static final String SESSION_KEY = "sessionkey";
    /** The length of Dovecot's session id ({@link #isConnectionId}). */
    private static final int DOVECOT_SESSION = 16;
    private static final String LEADER = "leader";
    /** What Jetty appends to a session's id: the worker that made it ({@link #withoutJettyWorker}). */
    private static final String JETTY_WORKER = ".node";
    /** How far back "leader" is looked for: Flink's leader's address stands between it and the session. */
    private static final int MAX_LEADER_REACH = 128;
    /**
     * What makes "key" a credential's: the word right before it. Not "signing" or "encryption":
     * what stands after them is mostly the key's id ({@code signing key 4AEE18F83AFDEB23}, GPG's).
     */
    private static final String[] KEY_KINDS = {"api", "secret", "access", "license", "licence", "subscription",
        "master", "app", "auth", "developer"};
    /** What may stand between the noun and its value: {@code API key is x}, {@code token was: x}, {@code set to x}. */
    private static final String[] LINKS = {"is", "was", "set to", "changed to"};
    /** What a message may say of the token before a colon and its value: {@code not found}. */
    private static final int MAX_STATE_WORDS = 2;
    private static final int MAX_STATE_WORD = 12;
    private static final int MIN_VALUE = 16;
    /** The longest lower-case prefix read before a token's '_' ({@link #isPrefixed}). */
    private static final int MAX_TOKEN_PREFIX = 8;
    private static final int MAX_VALUE = 512;
    private static final int MAX_SPACES = 3;
    /** The longest kind of key, read back from the 'k'. */
    private static final int MAX_KIND = 12;
    /** What may end a sentence right after the value. */
    private static final String SENTENCE_ENDS = ".,;:!?)]}'\"";

    private ProseSecrets() {
    }

    /**
     * Whether the chars at {@code at} start one of the nouns, or SQL*Plus's name, whose login
     * ({@link OracleConnectStrings#afterSqlPlus}) is asked at the same 's', or Redis's {@code SET}
     * ({@link RedisConfigSet}) and {@code SETUSER} ({@link RedisAclRules}) or Camel's {@code SetHeader[}
     * ({@link CamelRouteHeaders}): the scan's check before it asks.
     */
    static boolean mayStart(CharSequence s, int at, int end) {
        char first = (char) (s.charAt(at) | 0x20);
        char second = (char) (s.charAt(at + 1) | 0x20);
        char third = (char) (s.charAt(at + 2) | 0x20);
        // Also a CAS ticket's type, TGT- and ST-, which CasTickets reads where no key names it.
        return first == 't' ? second == 'o' && third == 'k' || second == 'g' && third == 't'
                : first == 's' ? second == 'e' && (third == 'c' || third == 's'
                        || third == 't' && (RedisConfigSet.mayStart(s, at, end) || CamelRouteHeaders.mayStart(s, at, end)
                                || RedisAclRules.mayStart(s, at, end)))
                        || second == 'q' && third == 'l' || second == 't' && third == '-'
                : first == 'k' && second == 'e' && third == 'y';
    }

    /**
     * {@code at} is a 't', 's' or 'k' (any case) at a word start that {@link #mayStart} let through;
     * {@code from} is where the text, or the last value found, ends before it.
     */
    static long match(CharSequence s, int from, int at, int end) {
        int nounEnd = TextSearch.wordBeforeSpace(s, at, end, NOUNS);
        if (nounEnd < 0 || (s.charAt(at) | 0x20) == 'k' && !TextSearch.afterWordOf(s, from, at, KEY_KINDS, MAX_KIND, true)
                && !afterKind(s, from, at)) {
            return Match.NONE;
        }
        // A leader election's session (Flink's "granted leadership with session id …") is no user's.
        if (TextSearch.startsWithIgnoreCase(s, at, nounEnd, SESSION) && isAboutLeadership(s, from, at)) {
            return Match.NONE;
        }
        long inSentence = SessionIdChanges.after(s, at, nounEnd, end);
        if (inSentence == Match.NONE) {
            inSentence = inSentence(s, nounEnd, end);
        }
        if (inSentence != Match.NONE) {
            return inSentence;
        }
        long below = ValueBelow.under(s, nounEnd, end);
        return below != Match.NONE && readsAsCredential(s, Match.start(below), Match.end(below)) ? below : Match.NONE;
    }

    /**
     * Whether the chars after the '_' at {@code at} start one of the nouns: the scan's check
     * before it asks {@link #afterUnderscore}.
     */
    static boolean mayFollowUnderscore(CharSequence s, int at, int end) {
        return at + 4 < end && mayStart(s, at + 1, end);
    }

    /**
     * The value after a name whose last part is the noun, a space apart: {@code access_token x},
     * {@code CLIENT_SECRET x}, {@code api_key x}. {@code at} is the '_' before the noun, which
     * {@link #mayFollowUnderscore} let through; "key" counts only after one of {@link #KEY_KINDS}.
     */
    static long afterUnderscore(CharSequence s, int from, int at, int end) {
        int nounEnd = TextSearch.wordBeforeSpace(s, at + 1, end, NOUNS);
        if (nounEnd < 0 || (s.charAt(at + 1) | 0x20) == 'k' && !afterKind(s, from, at)) {
            return Match.NONE;
        }
        return inSentence(s, nounEnd, end);
    }

    /**
     * Whether the last part of the name that ends at {@code at} (a '_' or the capital of a
     * camel-case word) is one of {@link #KEY_KINDS}: the letters back to a char that is no letter,
     * or to a camel-case hump's capital ({@code stripe_api_key}, {@code API_KEY}, {@code apiKey},
     * {@code myApiKey}).
     */
    private static boolean afterKind(CharSequence s, int from, int at) {
        int start = at;
        while (start > from && at - start < MAX_KIND && CharClass.isLetter(s.charAt(start - 1))) {
            start--;
            if (startsHump(s, from, start)) {
                break;
            }
        }
        return (start == from || !CharClass.isLetter(s.charAt(start - 1)) || startsHump(s, from, start))
                && TextSearch.isOneOfIgnoreCase(s, start, at, KEY_KINDS);
    }

    /** Whether the char at {@code at} is a capital after a lower-case letter: a camel-case word's start. */
    private static boolean startsHump(CharSequence s, int from, int at) {
        return at > from && CharClass.isUpper(s.charAt(at)) && CharClass.isLower(s.charAt(at - 1));
    }

    /** The value after the noun, which ends at {@code nounEnd}, on its line. */
    private static long inSentence(CharSequence s, int nounEnd, int end) {
        int value = spaces(s, nounEnd, end);
        int linked = ProsePasswords.afterOneOf(LINKS, s, value, end, true);
        if (linked < 0) {
            linked = ProsePasswords.afterOwner(s, value, end, false); // client secret for client 'orders' is x
        }
        if (linked < 0) {
            linked = afterStateAndColon(s, value, end);
        }
        return valueAt(s, linked >= 0 ? linked : value, end);
    }

    /**
     * The machine-made value starting at {@code value}, bare to the sentence's end or punctuation,
     * or in quotes or brackets ({@code 'x'}, {@code "x"}, {@code [x]}) to the closing one; NONE if
     * there is none.
     */
    static long valueAt(CharSequence s, int value, int end) {
        if (value >= end) {
            return Match.NONE;
        }
        char open = s.charAt(value);
        // In quotes or brackets the value is the sentence's ('x', "x", [x]): read to the closing one.
        char quote = open == '[' ? ']' : open;
        boolean quoted = open == '\'' || open == '"' || open == '`' || open == '[';
        int start = quoted ? value + 1 : value;
        int stop = start;
        while (stop < end && stop - start <= MAX_VALUE && isTokenChar(s.charAt(stop))) {
            stop++;
        }
        while (stop < end && s.charAt(stop) == '=') {
            stop++;
        }
        if (quoted ? stop >= end || s.charAt(stop) != quote : !endsSentence(s, stop, end)) {
            return Match.NONE;
        }
        while (!quoted && stop > start && s.charAt(stop - 1) == '.') {
            stop--; // the sentence's full stop
        }
        return readsAsCredential(s, start, stop) ? Match.of(start, stop) : Match.NONE;
    }

    /**
     * After what a message says of the token before its colon, {@code Token expired: x},
     * {@code API key revoked: x}, {@code Token not found: x} (or of a password, {@code Password set: x}):
     * one or two lower-case words and ": ";
     * where the value starts, or -1.
     */
    static int afterStateAndColon(CharSequence s, int at, int end) {
        int i = at;
        for (int words = 0; words < MAX_STATE_WORDS; words++) {
            int wordStart = i;
            while (i < end && i - wordStart < MAX_STATE_WORD && CharClass.isLower(s.charAt(i))) {
                i++;
            }
            if (i == wordStart || i >= end) {
                return -1;
            }
            if (s.charAt(i) == ':') {
                return i + 1 < end && s.charAt(i + 1) == ' ' ? spaces(s, i + 1, end) : -1;
            }
            if (s.charAt(i) != ' ') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /**
     * A session's id after a key named for it, {@code session=}, {@code sessionId=}, {@code session_id=},
     * {@code requestedSessionId=}, {@code sess=}, {@code session_key = '…'}, {@code SessionId: } (Spring's request log,
     * Tomcat's request dumper,
     * Spring Security's older toString), and Keycloak's {@code session_code=}, read as the nouns' values
     * are: machine-made only, so that ZooKeeper's {@code sessionid:0x14f05578bf60001} and a count
     * ({@code session=3}) stay.
     * {@code keyEnd} is where the key ends before the separator at {@code at}.
     */
    static long sessionIdAfterKey(CharSequence s, int from, int keyEnd, int at, int end) {
        if (!KeyedValue.keyEndsWith(s, from, keyEnd, SESSION_ID) && !KeyedValue.keyEndsWith(s, from, keyEnd, SESSION)
                && !KeyedValue.keyEndsWith(s, from, keyEnd, SESSION_CODE)
                && !KeyedValue.keyEndsWith(s, from, keyEnd, REMEMBER_ME) && !isWholeName(s, from, keyEnd, SESS)
                && !KeyedValue.keyEndsWith(s, from, keyEnd, SESSION_KEY)) {
            return Match.NONE;
        }
        if (isAboutLeadership(s, from, keyEnd)) {
            return Match.NONE; // Flink's leaderSessionID=<uuid>: a leader election's term
        }
        int start = KeyedValue.valueStart(s, at, end);
        int stop = start;
        while (stop < end && stop - start <= MAX_VALUE) {
            if (isTokenChar(s.charAt(stop))) {
                stop++;
            } else if (stop + 2 < end && s.charAt(stop) == '%' && CharClass.isHex(s.charAt(stop + 1))
                    && CharClass.isHex(s.charAt(stop + 2))) {
                stop += 3; // an escape in a URL's query: Express's signed cookie, session=s%3A<id>.<signature>
            } else {
                break;
            }
        }
        int padded = stop;
        while (padded < end && padded - stop < 2 && s.charAt(padded) == '=') {
            padded++; // base64's padding, as a remember-me cookie may keep it
        }
        if (isConnectionId(s, start, padded)) {
            return Match.NONE;
        }
        boolean ended = endsSentence(s, padded, end) || s.charAt(padded) == '&';
        // A base64url id may start with its alphabet's '-' or '_' (Keycloak's sessionId=-rQOBd991didXHMGQUGvEPIl).
        int judged = start + 1 < stop && (s.charAt(start) == '-' || s.charAt(start) == '_') ? start + 1 : start;
        return ended && readsAsCredential(s, judged, withoutJettyWorker(s, start, stop)) ? Match.of(start, padded)
                : Match.NONE;
    }

    /**
     * Dovecot's session, which names a connection in its log lines, not a user's: 16 chars of
     * standard base64 with a '+' or '/' in it ({@code session=5swVcwhi2sR/AAAB}). A web session's id
     * is hex, base64url or longer.
     */
    private static boolean isConnectionId(CharSequence s, int start, int stop) {
        if (stop - start != DOVECOT_SESSION) {
            return false;
        }
        boolean symbol = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isBase64(c)) {
                return false;
            }
            symbol |= c == '+' || c == '/';
        }
        return symbol;
    }

    /** Whether the key ending at {@code keyEnd} is {@code name} alone: {@code sess=}, not {@code process=}. */
    private static boolean isWholeName(CharSequence s, int from, int keyEnd, String name) {
        int start = KeyedValue.startOfName(s, from, keyEnd, name, false);
        return start == from || start > from && !CharClass.isAlnum(s.charAt(start - 1));
    }

    /**
     * Where a session's id ends before the worker's name Jetty appends to it ({@code node01q8x3k2m9v7c1yzh5w0t6r4p2n.node0}:
     * lower-case letters and digits, then {@code .node} and a number); {@code stop} for any other id.
     */
    private static int withoutJettyWorker(CharSequence s, int start, int stop) {
        int digits = stop;
        while (digits > start && CharClass.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        int worker = digits - JETTY_WORKER.length();
        return digits < stop && worker > start && TextSearch.startsWith(s, worker, digits, JETTY_WORKER) ? worker : stop;
    }

    /**
     * Whether "leader" stands before {@code at}, within reach: the session is a leader election's
     * term, not a user's (Flink's {@code granted leadership with leaderSessionID=<uuid>},
     * {@code Received confirmation of leadership for leader …, session=<uuid>}), and no credential.
     */
    private static boolean isAboutLeadership(CharSequence s, int from, int at) {
        return TextSearch.lastIndexOfIgnoreCase(s, Math.max(from, at - MAX_LEADER_REACH), at, LEADER) >= 0;
    }

    private static int spaces(CharSequence s, int at, int end) {
        return TextSearch.pastSpaces(s, at, end, MAX_SPACES);
    }

    private static boolean isTokenChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** The end of the text, a space or line break, or punctuation that ends a sentence or a quote. */
    private static boolean endsSentence(CharSequence s, int at, int end) {
        return at >= end || Character.isWhitespace(s.charAt(at)) || SENTENCE_ENDS.indexOf(s.charAt(at)) >= 0
                || PasswordValues.isEscapedBreakAt(s, at, end);
    }

    /** The rules of the class comment. */
    static boolean readsAsCredential(CharSequence s, int start, int stop) {
        int length = stop - start;
        if (length < MIN_VALUE || length > MAX_VALUE || !CharClass.isAlnum(s.charAt(start))
                || FrameworkValues.isOne(s, start, stop)) {
            return false;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        boolean symbol = false;
        boolean hex = true;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            digit |= CharClass.isDigit(c);
            upper |= CharClass.isUpper(c);
            lower |= CharClass.isLower(c);
            symbol |= !CharClass.isAlnum(c);
            hex &= CharClass.isDigit(c) || c >= 'a' && c <= 'f' || c == '-';
        }
        if (!digit || !upper && !lower) {
            return false;
        }
        if (!upper) {
            return hex || !symbol || isPrefixed(s, start, stop);
        }
        if (!lower) {
            return TextSearch.indexOf(s, '_', start, stop) < 0;
        }
        return !isCamelCase(s, start, stop);
    }

    /**
     * A machine-made body after a short lower-case prefix and a '_' ({@code rm_5d41402abc4b2a76b9719d911017c592},
     * a remember-me cookie as Tomcat's cookie parser logs it): the body read by the rules above.
     */
    private static boolean isPrefixed(CharSequence s, int start, int stop) {
        int underscore = TextSearch.indexOf(s, '_', start, Math.min(stop, start + MAX_TOKEN_PREFIX + 1));
        return underscore > start && CharClass.lowers(s, start, underscore) && readsAsCredential(s, underscore + 1, stop);
    }

    /**
     * A name a developer wrote: lower-case letters, then words that each start with one capital
     * and go on in lower case, and runs of digits ({@code mySecretName2024}, {@code AppToken2Prod}),
     * nothing else. A random token has two capitals in a row, or a lower-case letter after a digit,
     * within a few chars.
     */
    private static boolean isCamelCase(CharSequence s, int start, int stop) {
        char previous = 0;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isAlnum(c) || CharClass.isUpper(previous) && !CharClass.isLower(c)
                    || CharClass.isLower(c) && CharClass.isDigit(previous)) {
                return false;
            }
            previous = c;
        }
        return !CharClass.isUpper(previous);
    }
}
