package dev.primus.agent.masking;

/**
 * stripe_key: secret, restricted and publishable API keys ({@code sk_live_}, {@code rk_test_},
 * {@code pk_live_}, ...) and webhook signing secrets ({@code whsec_}), each followed by 16 or more
 * letters and digits.
 */
final class StripeKeys {
    private static final int MIN_BODY = 16;

    private StripeKeys() {
    }

    /** {@code at} is 's', 'r', 'p' or 'w' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        int body = bodyStart(s, at, end);
        if (body < 0 || CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        int stop = body;
        while (stop < end && CharClass.isAlnum(s.charAt(stop))) {
            stop++;
        }
        return stop - body < MIN_BODY ? Match.NONE : Match.of(at, stop);
    }

    private static int bodyStart(CharSequence s, int at, int end) {
        if (TextSearch.startsWith(s, at, end, "whsec_")) {
            return at + 6;
        }
        char kind = s.charAt(at);
        if ((kind != 's' && kind != 'r' && kind != 'p') || !TextSearch.startsWith(s, at + 1, end, "k_")) {
            return -1;
        }
        return TextSearch.startsWith(s, at + 3, end, "live_") || TextSearch.startsWith(s, at + 3, end, "test_") ? at + 8 : -1;
    }
}
