package dev.primus.agent.masking;

/**
 * github_token: {@code ghp_ gho_ ghu_ ghs_ ghr_} tokens and fine-grained {@code github_pat_}
 * tokens. Today those bodies are 36 and 82 chars; any body of 30 or more is masked, because
 * GitHub has said token lengths may grow and a token cut short by a log layout is still a secret.
 */
final class GitHubTokens {
    private static final int MIN_BODY = 30;

    private GitHubTokens() {
    }

    /** {@code at} is a 'g' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        boolean fineGrained = TextSearch.startsWith(s, at, end, "github_pat_");
        int body;
        if (fineGrained) {
            body = at + 11;
        } else if (at + 4 <= end && s.charAt(at + 1) == 'h' && "pousr".indexOf(s.charAt(at + 2)) >= 0
                && s.charAt(at + 3) == '_') {
            body = at + 4;
        } else {
            return Match.NONE;
        }
        if (CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        int stop = body;
        while (stop < end && (CharClass.isAlnum(s.charAt(stop)) || (fineGrained && s.charAt(stop) == '_'))) {
            stop++;
        }
        return stop - body < MIN_BODY ? Match.NONE : Match.of(at, stop);
    }
}
