package dev.primus.agent.masking;

/**
 * For password_kv: the private members of a JSON Web Key (RFC 7517, 7518), as an authorization
 * server or a JOSE library logs a key set it loaded or made: {@code d} (the private exponent or
 * scalar of an RSA, EC or OKP key), {@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi} (RSA's
 * primes and CRT values), {@code k} (a symmetric key). Such short names are keys only inside an
 * object that also has a {@code "kty"} member, before or after them; the public members
 * ({@code n}, {@code e}, {@code x}, {@code y}) stay, so a public key set is left as it is.
 */
final class JsonWebKeys {
    private static final String[] PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "k"};
    private static final String KEY_TYPE = "\"kty\"";
    /** How far the object's braces are looked for either way: an RSA-4096 private JWK is about 3.3 KB. */
    private static final int MAX_OBJECT = 8192;

    private JsonWebKeys() {
    }

    /** Whether the quoted key ending at {@code keyEnd} (before its closing quote) is a private member of a JWK. */
    static boolean isPrivateMember(CharSequence s, int from, int keyEnd, int end) {
        int keyStart = keyEnd;
        while (keyStart > from && keyEnd - keyStart < 2 && CharClass.isLower(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart == keyEnd || keyStart <= from || s.charAt(keyStart - 1) != '"' || keyEnd >= end
                || s.charAt(keyEnd) != '"' || !isPrivateName(s, keyStart, keyEnd)) {
            return false;
        }
        int open = JsonObjects.braceBefore(s, from, keyStart - 1, MAX_OBJECT);
        int close = JsonObjects.braceAfter(s, keyEnd, end, MAX_OBJECT);
        return open >= 0 && s.charAt(open) == '{' && close >= 0 && s.charAt(close) == '}'
                && TextSearch.indexOf(s, KEY_TYPE, open, close) >= 0;
    }

    private static boolean isPrivateName(CharSequence s, int start, int stop) {
        for (String name : PRIVATE_MEMBERS) {
            if (stop - start == name.length() && TextSearch.startsWith(s, start, stop, name)) {
                return true;
            }
        }
        return false;
    }
}
