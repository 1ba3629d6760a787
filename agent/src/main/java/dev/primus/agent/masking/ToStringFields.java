package dev.primus.agent.masking;

/**
 * For password_kv: a value with spaces in it, as an object's generated {@code toString} writes
 * one, fields joined by ", " inside the class's brackets: a Java record
 * ({@code LoginRequest[username=bob, password=correct horse battery staple]}), Lombok's and
 * Kotlin's ({@code User(name=bob, password=...)}), Guava's {@code toStringHelper} and
 * {@code Map.toString} ({@code {password=..., user=bob}}). No quotes mark where such a value
 * ends, so an unquoted value elsewhere ends at its first space; here it runs on to the ", " and
 * name and '=' of the next field, or to the bracket that closes the object, whichever comes first
 * on the line. Where neither comes, or a space and a {@code name=} come first (logfmt pairs in
 * braces, {@code {password=x user=bob}}), the value ends at its space as elsewhere.
 */
final class ToStringFields {
    /** The longest value read on: a passphrase of several words, not a paragraph. */
    private static final int MAX_VALUE = 128;

    private ToStringFields() {
    }

    /**
     * Where the value of the key ending at {@code keyEnd}, which starts at {@code value} and has a
     * space at {@code space}, ends as a field of an object's {@code toString}: at the ", " of the
     * next field or at the bracket that closes the object; -1 where the key is no such field
     * (", " before it, a '{', or a '(' or '[' right after the class's name) or neither comes first.
     */
    static int valueEnd(CharSequence s, int from, int keyEnd, int value, int space, int end) {
        return isField(s, from, keyEnd) ? fieldEnd(s, value, space, end) : -1;
    }

    private static boolean isField(CharSequence s, int from, int keyEnd) {
        int start = KeyedValue.nameStart(s, from, keyEnd);
        if (start == keyEnd || start == from) {
            return false;
        }
        char before = s.charAt(start - 1);
        if (before == ' ') {
            return start - 2 >= from && s.charAt(start - 2) == ',';
        }
        if (before == '{') {
            return true;
        }
        return (before == '(' || before == '[') && start - 2 >= from && CharClass.isAlnum(s.charAt(start - 2));
    }

    private static int fieldEnd(CharSequence s, int value, int space, int end) {
        int limit = (int) Math.min(end, (long) value + MAX_VALUE);
        int depth = 0;
        for (int i = space; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || PasswordValues.isEscapedBreakAt(s, i, end)) {
                return -1;
            }
            if (c == ' ' && KeyedValue.isPairAt(s, i + 1, end)) {
                return -1; // "{password=x user=bob}": logfmt pairs, the first value ends at its space
            }
            if (c == ',' && i + 1 < end && s.charAt(i + 1) == ' ' && KeyedValue.isPairAt(s, i + 2, end)) {
                return i;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
