package dev.primus.agent.masking;

/**
 * For password_kv: a header Apache Camel's route sets to a constant, as the route's
 * {@code toString} writes it when Camel logs its routes at start-up and at DEBUG
 * ({@code SetHeader[X-Api-Key, constant{ak_live_x}]}, {@code SetHeader[Authorization, constant{Bearer x}]}),
 * where a property placeholder the route named ({@code {{api.key}}}) is already resolved: the value
 * in the braces, when the header's name is a secret's ({@link PasswordValues#isSecretName}). No
 * '=' or ':' stands between the name and the value, so no key rule reaches it. Camel's YAML dump,
 * which writes the name and the value lines apart, is not read.
 */
final class CamelRouteHeaders {
    private static final String SET_HEADER = "SetHeader[";
    private static final String CONSTANT = ", constant{";
    /** What opens a property placeholder the route left unresolved in its dump ({@code Bearer {{app.jwt}}}). */
    private static final String PLACEHOLDER = "{{";
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 1024;

    private CamelRouteHeaders() {
    }

    /** Whether {@code SetHeader[} starts at {@code at}: the scan's check, past the "Set" it shares with Redis's SET. */
    static boolean mayStart(CharSequence s, int at, int end) {
        return TextSearch.startsWith(s, at, end, SET_HEADER);
    }

    /** {@code at} is the 'S' of a {@code SetHeader[} that {@link #mayStart} let through. */
    static long match(CharSequence s, int at, int end) {
        if (!mayStart(s, at, end)) {
            return Match.NONE;
        }
        int name = at + SET_HEADER.length();
        int nameEnd = name;
        while (nameEnd < end && nameEnd - name < MAX_NAME && isNameChar(s.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == name || !TextSearch.startsWith(s, nameEnd, end, CONSTANT)
                || !PasswordValues.isSecretName(s, name, nameEnd)) {
            return Match.NONE;
        }
        int value = nameEnd + CONSTANT.length();
        int limit = (int) Math.min(end, (long) value + MAX_VALUE);
        for (int i = value; i + 1 < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return Match.NONE;
            }
            if (c == '}' && s.charAt(i + 1) == ']') {
                boolean none = i == value || FrameworkValues.isOne(s, value, i)
                        || TextSearch.indexOf(s, PLACEHOLDER, value, i) >= 0;
                return none ? Match.NONE : Match.of(value, i);
            }
        }
        return Match.NONE;
    }

    /** A header's name: letters, digits, '-', '_' and '.'. */
    private static boolean isNameChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '_' || c == '.';
    }
}
