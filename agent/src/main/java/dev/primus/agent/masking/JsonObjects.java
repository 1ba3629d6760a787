package dev.primus.agent.masking;

/**
 * Where the JSON object around a member starts and ends, read no further than a bound either way:
 * the nearest brace before the member and after it, whichever way it turns. A member that decides
 * by its siblings ({@link JsonWebKeys}' {@code "kty"}, {@link KeyVaultSecrets}' {@code "id"}) reads
 * between the two.
 */
final class JsonObjects {
    private JsonObjects() {
    }

    /** The nearest '{' or '}' at or before {@code at}, back to {@code from} and at most {@code max} chars; or -1. */
    static int braceBefore(CharSequence s, int from, int at, int max) {
        for (int i = at; i >= from && at - i < max; i--) {
            if (s.charAt(i) == '{' || s.charAt(i) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The nearest '{' or '}' at or after {@code at}, before {@code end} and at most {@code max} chars on; or -1. */
    static int braceAfter(CharSequence s, int at, int end, int max) {
        for (int i = at; i < end && i - at < max; i++) {
            if (s.charAt(i) == '{' || s.charAt(i) == '}') {
                return i;
            }
        }
        return -1;
    }
}
