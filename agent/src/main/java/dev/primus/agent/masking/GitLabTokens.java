package dev.primus.agent.masking;

/**
 * gitlab_token: personal, project and group access tokens. The classic shape is {@code glpat-}
 * and 20 base64url chars. The routable shape (GitLab 17.x and later) is {@code glpat-}, 27 to 300
 * base64url chars of payload, '.', then a two-char version and a seven-char CRC32 in base36, or
 * the version, '.', a two-char length and the CRC. The CRC is not checked: as with github_token,
 * a token is masked by its shape, and a false reject would leak it.
 *
 * <p>GitLab's other tokens, by the prefixes its documentation lists (deploy, runner
 * authentication and registration, pipeline trigger, feed, CI/CD job, incoming mail, SCIM,
 * feature flag client, OAuth application secret, agent for Kubernetes), and the legacy runner
 * registration token {@code GR1348941}: the prefix and 20 or more base64url chars, with a
 * routable suffix when one follows. Their bodies vary by kind and version, and the prefixes are
 * GitLab's alone.
 */
final class GitLabTokens {
    private static final String PREFIX = "glpat-";
    /**
     * A runner registration token of the legacy registration workflow, the only kind whose prefix
     * no '-' ends: found at its 'G', a char that starts IBANs and PANs too.
     */
    private static final String RUNNER_REGISTRATION = "GR1348941";
    private static final String[] OTHER_PREFIXES = {"gldt-", "glrt-", "glrtr-", "glptt-", "glft-", "glcbt-", "glimt-",
        "glsoat-", "glffct-", "gloas-", "glagent-", RUNNER_REGISTRATION};
    private static final int CLASSIC_BODY = 20;
    private static final int MIN_PAYLOAD = 27;
    private static final int MAX_PAYLOAD = 300;
    private static final int VERSION = 2;
    private static final int CHECKSUM = 7;

    private GitLabTokens() {
    }

    /** {@code at} is a 'g' or 'G' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (CharClass.prefixWordBefore(s, from, at)) {
            return Match.NONE;
        }
        if (TextSearch.startsWith(s, at, end, PREFIX)) {
            return personal(s, at, at + PREFIX.length(), end);
        }
        if (s.charAt(at) == 'G' && !TextSearch.startsWith(s, at, end, RUNNER_REGISTRATION)) {
            return Match.NONE; // "GROUP", "GRANT": no other prefix starts with 'G'
        }
        for (String prefix : OTHER_PREFIXES) {
            if (TextSearch.startsWith(s, at, end, prefix)) {
                int stop = payloadEnd(s, at + prefix.length(), end);
                if (stop - at - prefix.length() < CLASSIC_BODY) {
                    return Match.NONE;
                }
                int suffixEnd = routableSuffixEnd(s, stop, end);
                return Match.of(at, suffixEnd < 0 ? stop : suffixEnd);
            }
        }
        return Match.NONE;
    }

    private static long personal(CharSequence s, int at, int body, int end) {
        int stop = payloadEnd(s, body, end);
        int length = stop - body;
        if (length == CLASSIC_BODY) {
            return Match.of(at, stop);
        }
        if (length < MIN_PAYLOAD || length > MAX_PAYLOAD) {
            return Match.NONE;
        }
        int suffixEnd = routableSuffixEnd(s, stop, end);
        return suffixEnd < 0 ? Match.NONE : Match.of(at, suffixEnd);
    }

    /** Where the base64url run from {@code body} ends, counted one char past the longest payload. */
    private static int payloadEnd(CharSequence s, int body, int end) {
        return CharClass.base64UrlRunEnd(s, body, end, MAX_PAYLOAD);
    }

    /** After the payload: ".vvccccccc" or ".vv.llccccccc" (version, length, CRC) and no token char; its end or -1. */
    private static int routableSuffixEnd(CharSequence s, int at, int end) {
        if (at >= end || s.charAt(at) != '.' || base36Run(s, at + 1, end) < VERSION) {
            return -1;
        }
        int i = at + 1 + VERSION;
        int run = base36Run(s, i, end);
        if (run == CHECKSUM) {
            i += CHECKSUM;
        } else if (run == 0 && i < end && s.charAt(i) == '.' && base36Run(s, i + 1, end) == VERSION + CHECKSUM) {
            i += 1 + VERSION + CHECKSUM;
        } else {
            return -1;
        }
        return i < end && CharClass.isBase64Url(s.charAt(i)) ? -1 : i;
    }

    /** How many lower-case letters and digits start at {@code at}, counted up to ten. */
    private static int base36Run(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < 10 && (CharClass.isDigit(s.charAt(i)) || CharClass.isLower(s.charAt(i)))) {
            i++;
        }
        return i - at;
    }
}
