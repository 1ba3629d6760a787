package dev.primus.agent.masking;

/**
 * Tokens that are a fixed prefix and a body of fixed length from one alphabet, standing as a
 * word of their own ({@code hf_...}, {@code npm_...}): the one shape several vendors share.
 */
final class PrefixedTokens {
    private PrefixedTokens() {
    }

    /**
     * The token at {@code at}, or {@link Match#NONE}.
     *
     * @param lettersOnly the body is ASCII letters; otherwise letters and digits
     */
    static long match(CharSequence s, int from, int at, int end, String prefix, int body, boolean lettersOnly) {
        int stop = at + prefix.length() + body;
        if (stop > end || !TextSearch.startsWith(s, at, end, prefix) || CharClass.prefixWordBefore(s, from, at)
                || CharClass.asciiWordAt(s, stop, end)) {
            return Match.NONE;
        }
        for (int i = at + prefix.length(); i < stop; i++) {
            char c = s.charAt(i);
            if (lettersOnly ? !CharClass.isLetter(c) : !CharClass.isAlnum(c)) {
                return Match.NONE;
            }
        }
        return Match.of(at, stop);
    }
}
