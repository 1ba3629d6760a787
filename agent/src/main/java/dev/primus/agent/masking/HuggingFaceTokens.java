package dev.primus.agent.masking;

/** huggingface_token: Hugging Face user access tokens, {@code hf_} and 34 ASCII letters. */
final class HuggingFaceTokens {
    private static final String PREFIX = "hf_";
    private static final int BODY = 34;

    private HuggingFaceTokens() {
    }

    /** {@code at} is an 'h' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        return PrefixedTokens.match(s, from, at, end, PREFIX, BODY, true);
    }
}
