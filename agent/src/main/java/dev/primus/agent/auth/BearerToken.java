package dev.primus.agent.auth;

/** The token of an {@code Authorization: Bearer <token>} header (RFC 6750 section 2.1). */
public final class BearerToken {
    private static final String SCHEME = "Bearer";

    private BearerToken() {
    }

    /**
     * The token, or null when the header is absent, names another scheme ({@code Basic}), or
     * holds no token. The scheme compares ignoring case, as RFC 9110 says auth schemes do.
     */
    public static String fromAuthorization(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        String token = authorization.substring(SCHEME.length() + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
