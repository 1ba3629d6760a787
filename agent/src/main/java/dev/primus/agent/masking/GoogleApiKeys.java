package dev.primus.agent.masking;

/**
 * google_api_key: {@code AIza} and 35 base64url chars, 39 in all: the one shape of the API keys
 * Google Cloud and Firebase issue. A longer run is some other token that happens to start so.
 * And Google's OAuth 2.0 access tokens, {@code ya29.} and 20 or more base64url chars (they run to
 * about 200), a credential for an hour wherever they are written, not only after {@code Bearer}.
 * And an OAuth client's secret, {@code GOCSPX-} and 28 base64url chars, the shape Google has
 * issued client secrets in since 2021.
 */
final class GoogleApiKeys {
    private static final String PREFIX = "AIza";
    private static final int LENGTH = 39;

    private static final String ACCESS_TOKEN_PREFIX = "ya29.";
    private static final int MIN_ACCESS_TOKEN = ACCESS_TOKEN_PREFIX.length() + 20;

    private static final String CLIENT_SECRET_PREFIX = "GOCSPX-";
    private static final int CLIENT_SECRET_LENGTH = CLIENT_SECRET_PREFIX.length() + 28;

    private GoogleApiKeys() {
    }

    /** {@code at} is an 'A', 'y' or 'G' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        char first = s.charAt(at);
        if (first == 'y') {
            return accessToken(s, from, at, end);
        }
        return first == 'G' ? fixedLength(s, from, at, end, CLIENT_SECRET_PREFIX, CLIENT_SECRET_LENGTH)
                : fixedLength(s, from, at, end, PREFIX, LENGTH);
    }

    /** {@code prefix} and base64url chars, {@code length} in all and no more. */
    private static long fixedLength(CharSequence s, int from, int at, int end, String prefix, int length) {
        int stop = at + length;
        if (stop > end || !TextSearch.startsWith(s, at, end, prefix) || CharClass.wordBefore(s, from, at)
                || (stop < end && CharClass.isBase64Url(s.charAt(stop)))) {
            return Match.NONE;
        }
        for (int i = at + prefix.length(); i < stop; i++) {
            if (!CharClass.isBase64Url(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(at, stop);
    }

    private static long accessToken(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, ACCESS_TOKEN_PREFIX) || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int stop = at + ACCESS_TOKEN_PREFIX.length();
        while (stop < end && CharClass.isBase64Url(s.charAt(stop))) {
            stop++;
        }
        return stop < at + MIN_ACCESS_TOKEN ? Match.NONE : Match.of(at, stop);
    }
}
