package dev.primus.agent.masking;

/**
 * url_credentials: the password in a URL's user info, of any scheme: {@code postgres://app:pw@db},
 * {@code redis://:pw@cache}, {@code jdbc:mysql://app:pw@db/app}, {@code amqp://guest:pw@mq}. Only
 * the password is masked; the user, host and path stay, so the line still says where it went.
 * Found from the ':' of {@code ://}. The user info ends at the last '@' before the path, query,
 * fragment or a space, so an unencoded '@' inside a password is masked with it. A URL with a user
 * and no password ({@code https://user@host}) has nothing to mask here, unless the user reads as a
 * machine-made token ({@link ProseSecrets#readsAsCredential}: git's {@code https://<token>@github.com},
 * and GitHub's {@code <token>:x-oauth-basic@}, where the token is masked); JDBC's
 * {@code ?password=} parameters are password_kv's. Also a Telegram bot's token in an API URL's
 * path ({@link TelegramBotPaths}), a Discord webhook's token ({@link DiscordWebhooks}), and an
 * AWS secret key after its access key id, written raw though its '/' would end the user info
 * ({@code s3n://AKIA...:secret@bucket}). And, from an '@', a user and password before an IPv4
 * address or localhost with no scheme ({@link SchemelessCredentials}).
 */
final class UrlCredentials {
    private static final int MAX_SCHEME = 32;
    private static final int MAX_USER_INFO = 512;
    /** The scheme whose user info alone is a token: NATS's {@code nats://<token>@host}. */
    private static final String NATS = "nats";
    /** The password GitHub's docs give a token that stands as the user. */
    private static final String OAUTH_BASIC = "x-oauth-basic";

    private UrlCredentials() {
    }

    /**
     * {@code at} is a ':' followed by a '/' or, in a Telegram bot's token, an 'A' ({@link TelegramBotPaths}),
     * or an '@' ({@link SchemelessCredentials}).
     */
    static long match(CharSequence s, int from, int at, int end) {
        if (s.charAt(at) == '@') {
            return SchemelessCredentials.match(s, from, at, end);
        }
        if (at + 1 < end && s.charAt(at + 1) == 'A') {
            return TelegramBotPaths.match(s, from, at, end);
        }
        int scheme = at + 3 >= end || s.charAt(at + 1) != '/' || s.charAt(at + 2) != '/' ? -1 : schemeStart(s, from, at);
        if (scheme < 0) {
            return Match.NONE;
        }
        // A URL a bracket opens ends at its closing one, or at a ',' before the next field: Jetty's
        // Origin@271803a6[http://127.0.0.1:8080]@7f4624a[...] and Origin@271803a6[http://127.0.0.1:8080,tag=null,
        // protocol=Protocol@7f4624a[...]] hold a host, a port and objects' hashes, not a user info.
        char opener = scheme > from ? s.charAt(scheme - 1) : 0;
        char closer = opener == '[' || opener == '(' || opener == '{' || opener == '<' ? FrameworkValues.closing(opener) : 0;
        int userInfo = at + 3;
        int limit = (int) Math.min(end, (long) userInfo + MAX_USER_INFO);
        int colon = -1;
        int lastAt = -1;
        for (int i = userInfo; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '/' && colon >= 0 && lastAt < 0) {
                long secret = awsSecretKey(s, userInfo, colon, end);
                if (secret != Match.NONE) {
                    return secret;
                }
            }
            if (c == '/' && lastAt < 0) {
                // A host (and its port) and no user info: its path may hold a token.
                return DiscordWebhooks.match(s, userInfo, i, end);
            }
            if (c == '/' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\n' || c == '\r'
                    || (closer != 0 && (c == closer || c == ','))
                    || (c == '\\' && i + 1 < end && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r'))) {
                break;
            }
            if (c == ':' && colon < 0) {
                colon = i;
            } else if (c == '@') {
                lastAt = i;
            }
        }
        if (colon > lastAt) {
            colon = -1; // the port's (nats://<token>@host:4222): no ':' in the user info
        }
        if (colon < 0) {
            // A token as the user, the password left out: git's https://<token>@github.com/org/repo.git; in a NATS
            // URL whatever the user info holds, which its clients send as the token (nats://<token>@host).
            boolean token = lastAt > userInfo && (ProseSecrets.readsAsCredential(s, userInfo, lastAt)
                    || TextSearch.startsWithIgnoreCase(s, scheme, at, NATS) && at - scheme == NATS.length()
                    && !FrameworkValues.isOne(s, userInfo, lastAt));
            return token ? Match.of(userInfo, lastAt) : Match.NONE;
        }
        if (lastAt < colon + 2 || FrameworkValues.isOne(s, colon + 1, lastAt) || isObjectInBrackets(s, colon, lastAt, end)) {
            return Match.NONE;
        }
        if (TextSearch.startsWith(s, colon + 1, lastAt, OAUTH_BASIC) && lastAt == colon + 1 + OAUTH_BASIC.length()) {
            return Match.of(userInfo, colon); // GitHub's https://<token>:x-oauth-basic@github.com: the token is the user
        }
        return Match.of(colon + 1, lastAt);
    }

    /**
     * An AWS key pair in the user info, as Hadoop's s3, s3n and s3a URLs took one
     * ({@code s3n://AKIA...:secret@bucket/key}): the secret key is 40 base64 chars written raw,
     * though a '/' in it would end the user info. NONE unless the user is an access key id and
     * exactly 40 such chars and an '@' follow its ':'.
     */
    private static long awsSecretKey(CharSequence s, int userInfo, int colon, int end) {
        // The id must fill the user part: the text before the ':' is all it is handed.
        if (AwsAccessKeys.match(s, userInfo, userInfo, colon) == Match.NONE) {
            return Match.NONE;
        }
        long secret = AwsSecretKeys.secretAt(s, colon + 1, end);
        return secret != Match.NONE && Match.end(secret) < end && s.charAt(Match.end(secret)) == '@' ? secret : Match.NONE;
    }

    /**
     * Whether the '@' at {@code lastAt} is an object's {@code toString} in brackets after a URL with
     * no user info, not the user info's end: Jetty's {@code https://:0,[SecureRequestCustomizer@7ab4ae59]},
     * a port and an object (a capitalised class name a '[' or '{' opens, and a hash in hex that a
     * bracket closes, where a host would stand).
     */
    private static boolean isObjectInBrackets(CharSequence s, int colon, int lastAt, int end) {
        int name = lastAt;
        while (name > colon + 1 && (CharClass.isWord(s.charAt(name - 1)) || s.charAt(name - 1) == '$')) {
            name--;
        }
        if (name == lastAt || !CharClass.isUpper(s.charAt(name)) || s.charAt(name - 1) != '[' && s.charAt(name - 1) != '{') {
            return false;
        }
        int hash = CharClass.hexEnd(s, lastAt + 1, Math.min(end, lastAt + 1 + FrameworkValues.MAX_IDENTITY_HASH));
        return hash > lastAt + 1 && hash < end && (s.charAt(hash) == ']' || s.charAt(hash) == '}');
    }

    /** Where the scheme before {@code at} starts, letters first then letters, digits, '+', '-' or '.'; or -1. */
    private static int schemeStart(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && at - i <= MAX_SCHEME && isSchemeChar(s.charAt(i - 1))) {
            i--;
        }
        return i < at && CharClass.isLetter(s.charAt(i)) ? i : -1;
    }

    private static boolean isSchemeChar(char c) {
        return CharClass.isAlnum(c) || c == '+' || c == '-' || c == '.';
    }
}
