package dev.primus.agent.masking;

/**
 * url_credentials: the token of a Discord webhook's URL, which is all it takes to post as the
 * webhook: {@code https://discord.com/api/webhooks/1234567890123456789/AbC...} (also on
 * {@code discordapp.com}, {@code ptb.} and {@code canary.}, and with an API version such as
 * {@code /api/v10/}). The token is 68 chars of {@code [A-Za-z0-9_-]}, as the public trufflehog
 * rule has it; 60 to 80 are taken. Only the token is masked: the webhook's id stays, so the line
 * still says which webhook was called. Asked by {@link UrlCredentials} where a URL's host ends.
 */
final class DiscordWebhooks {
    private static final String[] HOSTS = {"discord.com", "discordapp.com"};
    private static final String API = "/api/";
    private static final String WEBHOOKS = "webhooks/";
    /** The longest API version between "/api/" and "webhooks/": {@code v10/}. */
    private static final int MAX_VERSION = 4;
    private static final int MIN_ID = 15;
    private static final int MAX_ID = 21;
    private static final int MIN_TOKEN = 60;
    private static final int MAX_TOKEN = 80;

    private DiscordWebhooks() {
    }

    /** The token's span, or NONE; {@code host} starts a URL's host, whose '/' at {@code path} starts its path. */
    static long match(CharSequence s, int host, int path, int end) {
        if (!isDiscordHost(s, host, path) || !TextSearch.startsWith(s, path, end, API)) {
            return Match.NONE;
        }
        int webhooks = path + API.length();
        if (!TextSearch.startsWith(s, webhooks, end, WEBHOOKS)) {
            int slash = webhooks;
            while (slash < end && slash - webhooks <= MAX_VERSION && CharClass.isAlnum(s.charAt(slash))) {
                slash++;
            }
            webhooks = slash + 1;
            if (slash >= end || s.charAt(slash) != '/' || !TextSearch.startsWith(s, webhooks, end, WEBHOOKS)) {
                return Match.NONE;
            }
        }
        int id = webhooks + WEBHOOKS.length();
        int idEnd = id;
        while (idEnd < end && idEnd - id <= MAX_ID && CharClass.isDigit(s.charAt(idEnd))) {
            idEnd++;
        }
        if (idEnd - id < MIN_ID || idEnd - id > MAX_ID || idEnd >= end || s.charAt(idEnd) != '/') {
            return Match.NONE;
        }
        int token = idEnd + 1;
        int tokenEnd = CharClass.base64UrlRunEnd(s, token, end, MAX_TOKEN);
        int length = tokenEnd - token;
        return length < MIN_TOKEN || length > MAX_TOKEN ? Match.NONE : Match.of(token, tokenEnd);
    }

    /**
     * discord.com or discordapp.com, or a subdomain of either (ptb., canary.), ignoring case; a
     * port may follow it ({@code discord.com:443}, as the audit writes URLs).
     */
    private static boolean isDiscordHost(CharSequence s, int host, int path) {
        int hostEnd = TextSearch.hostEnd(s, host, path);
        for (String name : HOSTS) {
            int start = hostEnd - name.length();
            if (start >= host && TextSearch.startsWithIgnoreCase(s, start, hostEnd, name)
                    && (start == host || s.charAt(start - 1) == '.')) {
                return true;
            }
        }
        return false;
    }
}
