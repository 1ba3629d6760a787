package dev.primus.agent.masking;

/**
 * npm_token: {@code npm_} and 36 letters and digits, the format npm adopted from GitHub in 2021.
 * The last six chars are a CRC32 of the rest in npm's own base62; like github_token, the token
 * is masked by its shape and the CRC is not checked, so a token the encoder does not know is not
 * leaked. The exact length keeps {@code npm_config_cache} and other npm_ variables apart.
 */
final class NpmTokens {
    private static final String PREFIX = "npm_";
    private static final int BODY = 36;

    private NpmTokens() {
    }

    /** {@code at} is an 'n' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        return PrefixedTokens.match(s, from, at, end, PREFIX, BODY, false);
    }
}
