package dev.primus.agent.masking;

/**
 * google_api_key: {@code AIza} and 35 base64url chars, 39 in all: the one shape of the API keys
 * Google Cloud and Firebase issue. A longer run is some other token that happens to start so.
 * And Google's OAuth 2.0 access tokens, {@code ya29.} and 20 or more base64url chars (they run to
 * about 200), a credential for an hour wherever they are written, not only after {@code Bearer}.
 */
final class GoogleApiKeys {
    private static final String PREFIX = "AIza";
    private static final int LENGTH = 39;

    private static final String ACCESS_TOKEN_PREFIX = "ya29.";
    private static final int MIN_ACCESS_TOKEN = ACCESS_TOKEN_PREFIX.length() + 20;

    private GoogleApiKeys() {
    }

    /** {@code at} is an 'A' or 'y' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (s.charAt(at) == 'y') {
            return accessToken(s, from, at, end);
        }
        int stop = at + LENGTH;
        if (stop > end || !TextSearch.startsWith(s, at, end, PREFIX) || CharClass.wordBefore(s, from, at)
                || (stop < end && CharClass.isBase64Url(s.charAt(stop)))) {
            return Match.NONE;
        }
        for (int i = at + PREFIX.length(); i < stop; i++) {
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
