package dev.primus.agent.auth;

/**
 * The token of an {@code Authorization: Bearer <token>} header (RFC 6750 section 2.1).
 *
 * <p>The token is also found where it stands in the header ({@link #start}, {@link #end}), so a
 * token seen before is looked up without being copied out ({@link JwtVerifier#verifyAuthorization}).
 */
public final class BearerToken {
    private static final String SCHEME = "Bearer";

    private BearerToken() {
    }

    /**
     * The token, or null when the header is absent, names another scheme ({@code Basic}), or
     * holds no token. The scheme compares ignoring case, as RFC 9110 says auth schemes do.
     */
    public static String fromAuthorization(String authorization) {
        int start = start(authorization);
        return start < 0 ? null : authorization.substring(start, end(authorization));
    }

    /**
     * Where the token {@link #fromAuthorization} gives starts in {@code authorization}, or -1
     * when that gives null. Blanks around the token are not part of it ({@link String#trim}).
     */
    static int start(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.charAt(SCHEME.length()) != ' ') {
            return -1;
        }
        int start = SCHEME.length() + 1;
        while (start < authorization.length() && authorization.charAt(start) <= ' ') {
            start++;
        }
        return start < authorization.length() ? start : -1;
    }

    /** Where the token ends (exclusive), for a header whose {@link #start} is not -1. */
    static int end(String authorization) {
        int end = authorization.length();
        while (authorization.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }
}
