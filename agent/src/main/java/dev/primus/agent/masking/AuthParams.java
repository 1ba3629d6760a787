package dev.primus.agent.masking;

/**
 * The credential of an authorization scheme that sends parameters, not one token (RFC 9110,
 * section 11.2: {@code auth-param *( "," auth-param )}): Digest's {@code username="bob",
 * realm="x", nonce="..", response="6629fae4.."}, whose response is a hash of the password an
 * attacker can guess against; OAuth 1.0's {@code oauth_consumer_key="..", oauth_signature=".."};
 * AWS Signature 4's {@code Credential=AKIA../aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=fe5f..}. The list ends after its last parameter, so a header written after it on the
 * same line stays. Read only after the schemes known to send parameters: after any other word the
 * text is a credential, or something else, of its own shape.
 */
final class AuthParams {
    /** The longest parameter value read: Digest's and OAuth's are a few dozen chars. */
    private static final int MAX_VALUE = 2048;
    /**
     * The schemes whose credential is a parameter list, in lower case: RFC 7616's Digest, OAuth
     * 1.0's, Hawk's, the HTTP Signatures draft's, SCRAM's (RFC 7804), HOBA's (RFC 7486), Mutual's
     * (RFC 8120), Rails' {@code Token token="..", nonce=".."}; and every AWS4- and GOOG4- signature
     * ({@link #SIGNATURE_PREFIXES}). Where no list follows ({@code Token 9944b0..}, Django REST
     * framework's), the credential is one token as after any other scheme.
     */
    private static final String[] SCHEMES = {"digest", "oauth", "hawk", "signature", "scram-sha-1", "scram-sha-256",
        "hoba", "mutual", "token"};
    private static final String[] SIGNATURE_PREFIXES = {"aws4-", "goog4-"};

    private AuthParams() {
    }

    /** Whether {@code s[start, stop)}, an authorization scheme's word, is one that sends parameters. */
    static boolean sendsParameters(CharSequence s, int start, int stop) {
        for (String prefix : SIGNATURE_PREFIXES) {
            if (stop - start > prefix.length() && TextSearch.startsWithIgnoreCase(s, start, stop, prefix)) {
                return true;
            }
        }
        for (String scheme : SCHEMES) {
            if (TextSearch.equalsIgnoreCase(s, start, stop, scheme)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the parameter list starting at {@code at}, or -1 when none starts there: a
     * token68 credential ({@code Basic Ym9iOmh1bnRlcjI=}, whose '=' pads), or a name with no value.
     */
    static int listEnd(CharSequence s, int at, int end) {
        int i = at;
        int last = -1;
        while (true) {
            int name = i;
            while (i < end && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == name || i + 1 >= end || s.charAt(i) != '=' || s.charAt(i + 1) == '=') {
                return last;
            }
            char first = s.charAt(i + 1);
            int valueEnd = first == '"' ? quotedEnd(s, i + 1, end)
                    : first == '\\' ? escapedQuotedEnd(s, i + 1, end) : unquotedEnd(s, i + 1, end);
            if (valueEnd < 0) {
                return last;
            }
            last = valueEnd;
            i = valueEnd;
            while (i < end && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= end || s.charAt(i) != ',') {
                return last;
            }
            i++;
            while (i < end && s.charAt(i) == ' ') {
                i++;
            }
        }
    }

    /**
     * Past the quoted string opening at {@code open}, with its backslash escapes, on its line; or the
     * line's end when a logger cut the string there (Varnish cuts a record at 255 bytes: {@code
     * response="d0a0a8c40499…} at the end of a {@code ReqHeader}); -1 if it runs on past {@link #MAX_VALUE}.
     */
    private static int quotedEnd(CharSequence s, int open, int end) {
        int limit = (int) Math.min(end, (long) open + 1 + MAX_VALUE);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                return i > open + 1 ? i : -1;
            }
            if (c == '\\') {
                i++;
            }
        }
        return limit == end && end > open + 1 ? end : -1;
    }

    /**
     * Past a quoted string whose quotes the log escaped, once or twice, opening at {@code open}: the
     * header as a JSON string holds it ({@code username=\"bob\"}), or as Apache httpd's trace
     * writes it ({@code username=\\"bob\\"}); -1 if none opens there or it does not close on its line.
     */
    private static int escapedQuotedEnd(CharSequence s, int open, int end) {
        int quote = open;
        while (quote < end && quote - open < 2 && s.charAt(quote) == '\\') {
            quote++;
        }
        if (quote >= end || s.charAt(quote) != '"') {
            return -1;
        }
        int escapes = quote - open;
        int limit = (int) Math.min(end, (long) quote + 1 + MAX_VALUE);
        for (int i = quote + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '"' && i - escapes > quote && backslashes(s, i - escapes, i)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean backslashes(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '\\') {
                return false;
            }
        }
        return true;
    }

    /** Past an unquoted value (a token, or AWS's {@code AKIA../aws4_request} and {@code host;range}); -1 when empty. */
    private static int unquotedEnd(CharSequence s, int at, int end) {
        int limit = (int) Math.min(end, (long) at + MAX_VALUE);
        int i = at;
        // Not past a backslash: a line break the message's neutralising escaped ends the value too; nor
        // into the "[\r][\n]" an HttpClient wire log writes for the header's own line break; nor past a
        // closing bracket, no token's char, as the JDK's MessageHeader closes each header: "{… qop=auth}{…}".
        while (i < limit && " \t\r\n,\"\\}])".indexOf(s.charAt(i)) < 0
                && !(s.charAt(i) == '[' && i + 1 < limit && s.charAt(i + 1) == '\\')) {
            i++;
        }
        return i == at ? -1 : i;
    }

    /** RFC 9110's tchar: letters, digits and {@code !#$%&'*+-.^_`|~}. */
    private static boolean isTokenChar(char c) {
        return CharClass.isAlnum(c) || c < 128 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
