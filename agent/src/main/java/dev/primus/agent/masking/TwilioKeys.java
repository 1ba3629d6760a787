package dev.primus.agent.masking;

/**
 * twilio_key: API key SIDs ({@code SK}) and account SIDs ({@code AC}), each the two letters and
 * 32 hex digits. An account SID alone is no password, but with it an auth token found elsewhere
 * in the logs is a login.
 */
final class TwilioKeys {
    private static final int LENGTH = 34;

    private TwilioKeys() {
    }

    /** {@code at} is an 'S' or an 'A' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        int stop = at + LENGTH;
        if (stop > end || !(TextSearch.startsWith(s, at, end, "SK") || TextSearch.startsWith(s, at, end, "AC"))
                || CharClass.wordBefore(s, from, at) || CharClass.wordAt(s, stop, end)
                || !CharClass.hexDigits(s, at + 2, stop)) {
            return Match.NONE;
        }
        return Match.of(at, stop);
    }
}
