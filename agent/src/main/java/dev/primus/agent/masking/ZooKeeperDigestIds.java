package dev.primus.agent.masking;

/**
 * For password_kv: the hash in a ZooKeeper digest id, {@code user:base64(SHA-1(user:password))},
 * which a password gives back offline (a dictionary of SHA-1s). ZooKeeper's server logs it at DEBUG
 * as its records print an id, {@code Client credentials: ['digest,'bob:mVVRFJeq62etP4r4GtRgscY5gcY=},
 * and an ACL written as a string gives it as {@code digest:bob:mVVRFJeq62etP4r4GtRgscY5gcY=:cdrwa}
 * (zkCli's {@code setAcl}, Curator's and Kafka's ACL settings). Found from the quote after
 * {@code 'digest,} or the ':' after {@code digest}: only the hash, exactly 27 base64 chars and '=',
 * is masked, the user stays.
 */
final class ZooKeeperDigestIds {
    /** How a record prints the digest scheme's id: a jute string, then the id's. */
    private static final String RECORD = "'digest,'";
    /** How an ACL string gives it: scheme, ':', id. */
    private static final String ACL = "digest:";
    /** Base64 of SHA-1's 20 bytes: 27 chars and one '='. */
    private static final int HASH_CHARS = 27;
    private static final int MAX_USER = 64;

    private ZooKeeperDigestIds() {
    }

    /**
     * {@code at} is the quote that starts the id in a record ({@code 'digest,'bob:...}) or the ':'
     * after the scheme in an ACL string ({@code digest:bob:...}); nothing before {@code from} is read.
     */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.endsWith(s, from, at + 1, s.charAt(at) == ':' ? ACL : RECORD)) {
            return Match.NONE;
        }
        int colon = at + 1;
        while (colon < end && colon - at <= MAX_USER && isUserChar(s.charAt(colon))) {
            colon++;
        }
        int hashEnd = colon + 1 + HASH_CHARS;
        if (colon == at + 1 || hashEnd >= end || s.charAt(colon) != ':' || s.charAt(hashEnd) != '='
                || hashEnd + 1 < end && isBase64(s.charAt(hashEnd + 1))) {
            return Match.NONE;
        }
        for (int i = colon + 1; i < hashEnd; i++) {
            if (!isBase64(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(colon + 1, hashEnd + 1);
    }

    private static boolean isBase64(char c) {
        return CharClass.isAlnum(c) || c == '+' || c == '/';
    }

    private static boolean isUserChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '@';
    }
}
