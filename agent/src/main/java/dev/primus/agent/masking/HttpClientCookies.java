package dev.primus.agent.masking;

/**
 * For password_kv: a cookie's value as Apache HttpClient's debug log writes the cookies it sends
 * and accepts: 4.x's {@code Cookie [version: 0][name: SESSION][value: x][domain: ...] match [...]},
 * 5.x's {@code Cookie [name: SESSION; value: x; domain: ...] match [...]} (the cookies'
 * {@code toString}), and {@code Cookie accepted [SESSION="x", version:0, domain: ...]}. Every
 * cookie's value, whatever its name, as after a {@code Cookie:} header: a session's cookie is a
 * credential, and only some names say which (JSESSIONID does, SESSION and remember-me do not).
 */
final class HttpClientCookies {
    private static final String VALUE = "value";
    private static final String NAME = "name: ";
    private static final String ACCEPTED = "Cookie accepted [";
    private static final int MAX_NAME = 256;
    private static final int MAX_VALUE = 4096;

    private HttpClientCookies() {
    }

    /** The value after the separator at {@code at}, the key before it ending at {@code keyEnd}; NONE if no such cookie. */
    static long match(CharSequence s, int from, int keyEnd, int at, int end) {
        char separator = s.charAt(at);
        if (separator == ':') {
            return keyEnd == at ? fieldValue(s, from, at, end) : Match.NONE;
        }
        return separator == '=' && keyEnd == at ? acceptedValue(s, from, at, end) : Match.NONE;
    }

    /** {@code ][value: x]} after {@code [name: n} (4.x), or {@code ; value: x;} after {@code [name: n} (5.x). */
    private static long fieldValue(CharSequence s, int from, int at, int end) {
        int key = at - VALUE.length();
        if (key - 2 < from || !TextSearch.startsWith(s, key, at, VALUE) || at + 1 >= end || s.charAt(at + 1) != ' ') {
            return Match.NONE;
        }
        boolean bracketed = s.charAt(key - 2) == ']' && s.charAt(key - 1) == '[';
        if (!bracketed && !(s.charAt(key - 2) == ';' && s.charAt(key - 1) == ' ')) {
            return Match.NONE;
        }
        char closing = bracketed ? ']' : ';';
        int nameEnd = key - 2;
        int name = nameEnd;
        while (name > from && nameEnd - name < MAX_NAME && s.charAt(name - 1) != ' ' && s.charAt(name - 1) != '[') {
            name--;
        }
        int field = name - NAME.length();
        if (field - 1 < from || name == nameEnd || !TextSearch.startsWith(s, field, name, NAME)
                || s.charAt(field - 1) != '[') {
            return Match.NONE;
        }
        int value = at + 2;
        int stop = value;
        while (stop < end && stop - value < MAX_VALUE && s.charAt(stop) != closing && s.charAt(stop) != '\n'
                && s.charAt(stop) != '\r') {
            stop++;
        }
        return stop == value || stop >= end || s.charAt(stop) != closing ? Match.NONE : Match.of(value, stop);
    }

    /** {@code Cookie accepted [name="x", ...]}: the quoted value of the first pair. */
    private static long acceptedValue(CharSequence s, int from, int at, int end) {
        int name = at;
        while (name > from && at - name < MAX_NAME && s.charAt(name - 1) != '[' && s.charAt(name - 1) != ' ') {
            name--;
        }
        int prefix = name - ACCEPTED.length();
        if (name == at || prefix < from || !TextSearch.startsWith(s, prefix, name, ACCEPTED)
                || at + 1 >= end || s.charAt(at + 1) != '"') {
            return Match.NONE;
        }
        int close = TextSearch.indexOf(s, '"', at + 2, Math.min(end, at + 2 + MAX_VALUE));
        return close <= at + 2 ? Match.NONE : Match.of(at + 2, close);
    }
}
