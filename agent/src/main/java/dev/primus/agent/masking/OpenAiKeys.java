package dev.primus.agent.masking;

/**
 * openai_key: {@code sk-} keys that carry {@code T3BlbkFJ} (base64 of "OpenAI"), which every
 * OpenAI secret key has had since 2021: the legacy {@code sk-} + 20 + marker + 20 and the
 * project, service-account and admin keys ({@code sk-proj-}, {@code sk-svcacct-},
 * {@code sk-admin-}) with longer halves. The marker must have 20 or more base64url chars on each
 * side; an {@code sk-} run without it is some other vendor's key (and {@code sk-ant-} is
 * anthropic_key).
 */
final class OpenAiKeys {
    private static final String PREFIX = "sk-";
    private static final String MARKER = "T3BlbkFJ";
    private static final int MIN_SIDE = 20;
    private static final int MAX_BODY = 300;

    private OpenAiKeys() {
    }

    /** {@code at} is an 's' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, PREFIX) || TextSearch.startsWith(s, at, end, "sk-ant-")
                || CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        int body = at + PREFIX.length();
        int stop = body;
        while (stop < end && stop - body <= MAX_BODY && CharClass.isBase64Url(s.charAt(stop))) {
            stop++;
        }
        if (stop - body > MAX_BODY) {
            return Match.NONE;
        }
        int marker = TextSearch.indexOf(s, MARKER, body + MIN_SIDE, stop);
        return marker < 0 || stop - marker - MARKER.length() < MIN_SIDE ? Match.NONE : Match.of(at, stop);
    }
}
