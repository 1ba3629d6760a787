package dev.primus.agent.masking;

/**
 * For password_kv: OAuth's authorization code under the plain key {@code code}, where the message
 * is a token request, as Spring's RestTemplate logs the form it writes
 * ({@code Writing [{grant_type=[authorization_code], code=[SplxlOBeZQQYbYS6WxSbIA], redirect_uri=[...]}]}),
 * google-http-client its sorted form body ({@code code=4%2F0AfJohX...&grant_type=authorization_code}),
 * and pac4j its credentials ({@code code: SplxlOBeZQQYbYS6WxSbIA | accessToken: ...}). Exchanged
 * before it expires, it is the account's tokens. "code" alone names an error's or a zip code as
 * often, so only where {@code authorization_code} or {@code redirect_uri} stands in the same
 * message; and only a value of at least 10 of a URL's token chars, never a plain number. Also
 * where the message's callback URL carries it: Spring's {@code GET "/authorized?code=x&state=y",
 * parameters={code:[x], state:[y]}} (with {@code spring.mvc.log-request-details}), whose URL's
 * {@code ?code=} is read elsewhere, right after its {@code ?} or {@code &}, and found first.
 */
final class OAuthCodes {
    private static final String CODE = "code";
    private static final String[] GRANT_WORDS = {"authorization_code", "redirect_uri", "OidcCredentials", "?code=",
        "&code="};
    private static final int MIN_CODE = 10;
    private static final int MAX_CODE = 2048;

    private OAuthCodes() {
    }

    /** {@code keyEnd} ends the key before the separator at {@code at}; NONE unless the key is {@code code} in a grant. */
    static long match(CharSequence s, int from, int keyEnd, int at, int end) {
        int name = keyEnd - CODE.length();
        if (name < from || !TextSearch.startsWithIgnoreCase(s, name, keyEnd, CODE)
                || name > from && CharClass.isWord(s.charAt(name - 1)) || !inGrant(s, end)) {
            return Match.NONE;
        }
        int value = KeyedValue.valueStart(s, at, end);
        boolean listed = value < end && s.charAt(value) == '[';
        int start = listed ? value + 1 : value;
        int stop = start;
        boolean digitsOnly = true;
        while (stop < end && stop - start <= MAX_CODE && isCodeChar(s.charAt(stop))) {
            digitsOnly &= CharClass.isDigit(s.charAt(stop));
            stop++;
        }
        boolean closed = !listed || stop < end && s.charAt(stop) == ']';
        return closed && stop - start >= MIN_CODE && !digitsOnly ? Match.of(start, stop) : Match.NONE;
    }

    /** Whether a grant's word stands anywhere in the message, before the last value found too (a URL's code). */
    private static boolean inGrant(CharSequence s, int end) {
        for (String word : GRANT_WORDS) {
            if (TextSearch.indexOf(s, word, 0, end) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A URL's unreserved chars, '/' (Google's {@code 4/0Af...}) and '%' of its encoded form. */
    private static boolean isCodeChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '%';
    }
}
