package dev.primus.agent.masking;

/**
 * anthropic_key: {@code sk-ant-}, a kind and version ({@code api03}, {@code admin01}, lower-case
 * letters and two digits), '-', then 93 base64url chars and {@code AA}: 95 chars of body, the
 * shape of Anthropic's API and admin keys.
 */
final class AnthropicKeys {
    private static final String PREFIX = "sk-ant-";
    private static final int BODY = 95;
    private static final int MAX_KIND = 12;

    private AnthropicKeys() {
    }

    /** {@code at} is an 's' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, PREFIX) || CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        int body = kindEnd(s, at + PREFIX.length(), end);
        if (body < 0) {
            return Match.NONE;
        }
        int stop = body + BODY;
        if (stop > end || (stop < end && CharClass.isBase64Url(s.charAt(stop)))
                || s.charAt(stop - 2) != 'A' || s.charAt(stop - 1) != 'A') {
            return Match.NONE;
        }
        for (int i = body; i < stop; i++) {
            if (!CharClass.isBase64Url(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(at, stop);
    }

    /** After "api03-" or "admin01-": where the body starts, or -1. */
    private static int kindEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_KIND && CharClass.isLower(s.charAt(i))) {
            i++;
        }
        if (i == at || !CharClass.digits(s, i, 2, end) || i + 2 >= end || s.charAt(i + 2) != '-') {
            return -1;
        }
        return i + 3;
    }
}
