package dev.primus.agent.masking;

/**
 * google_api_key: {@code AIza} and 35 base64url chars, 39 in all: the one shape of the API keys
 * Google Cloud and Firebase issue. A longer run is some other token that happens to start so.
 */
final class GoogleApiKeys {
    private static final String PREFIX = "AIza";
    private static final int LENGTH = 39;

    private GoogleApiKeys() {
    }

    /** {@code at} is an 'A' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
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
}
