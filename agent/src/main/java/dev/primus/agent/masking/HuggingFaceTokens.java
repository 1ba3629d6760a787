package dev.primus.agent.masking;

/** huggingface_token: Hugging Face user access tokens, {@code hf_} and 34 ASCII letters. */
final class HuggingFaceTokens {
    private static final String PREFIX = "hf_";
    private static final int BODY = 34;

    private HuggingFaceTokens() {
    }

    /** {@code at} is an 'h' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        int stop = at + PREFIX.length() + BODY;
        if (stop > end || !TextSearch.startsWith(s, at, end, PREFIX) || CharClass.wordBefore(s, from, at)
                || CharClass.wordAt(s, stop, end)) {
            return Match.NONE;
        }
        for (int i = at + PREFIX.length(); i < stop; i++) {
            if (!CharClass.isLetter(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(at, stop);
    }
}
