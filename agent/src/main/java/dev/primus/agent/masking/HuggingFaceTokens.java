package dev.primus.agent.masking;

/**
 * huggingface_token: Hugging Face user access tokens, {@code hf_} and 34 ASCII letters, and the
 * organization API tokens of before 2023, {@code api_org_} and 34 (which still work where issued).
 */
final class HuggingFaceTokens {
    private static final String PREFIX = "hf_";
    private static final String ORGANIZATION_PREFIX = "api_org_";
    private static final int BODY = 34;

    private HuggingFaceTokens() {
    }

    /** {@code at} is an 'h' or 'a' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        return PrefixedTokens.match(s, from, at, end, s.charAt(at) == 'h' ? PREFIX : ORGANIZATION_PREFIX, BODY, true);
    }
}
