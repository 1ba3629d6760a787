package dev.primus.agent.masking;

/**
 * Reads {@code key = value} around its separator, for the detectors that know a secret by the
 * name of its key: {@code k=v}, {@code k: v}, {@code "k": "v"}, {@code 'k'='v'}. A few spaces and
 * one quote on each side are skipped; no more, so that a stray '=' costs a handful of loads.
 */
final class KeyedValue {
    private static final int MAX_SPACES = 3;

    /** The longest name {@link #nameStart} and {@link #isPairAt} read. */
    private static final int MAX_NAME = 128;

    private KeyedValue() {
    }

    /** Where the name ending at {@code nameEnd} starts: letters, digits, '_', '.' and '-' back from it. */
    static int nameStart(CharSequence s, int from, int nameEnd) {
        int start = nameEnd;
        while (start > from && nameEnd - start < MAX_NAME && isNameChar(s.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Whether a name and its '=' start at {@code at}: the next pair of {@code a=1 b=2} or {@code a=1, b=2}. */
    static boolean isPairAt(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_NAME && isNameChar(s.charAt(i))) {
            i++;
        }
        return i > at && i < end && s.charAt(i) == '=';
    }

    private static boolean isNameChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    /** Where the key before the separator at {@code at} ends: spaces and a closing quote skipped. */
    static int keyEnd(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && at - i < MAX_SPACES && s.charAt(i - 1) == ' ') {
            i--;
        }
        if (i > from && (s.charAt(i - 1) == '"' || s.charAt(i - 1) == '\'')) {
            i--;
        }
        return i;
    }

    /** Where the value after the separator at {@code at} starts: spaces and an opening quote skipped. */
    static int valueStart(CharSequence s, int at, int end) {
        int i = at + 1;
        while (i < end && i - at <= MAX_SPACES && s.charAt(i) == ' ') {
            i++;
        }
        if (i < end && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            i++;
        }
        return i;
    }

    /**
     * Whether the key ending at {@code keyEnd} ends with {@code name}, ignoring case, Latin-1
     * accents ({@link CharClass#toLowerBase}) and the word separators '_', '-' and '.' in the key:
     * {@code AWS_SECRET_ACCESS_KEY}, {@code aws.secretAccessKey} and {@code SecretAccessKey} all end
     * with "secretaccesskey".
     * {@code name} is lower-case letters and digits. Compares from the end, so a separator after
     * any other word costs one compare.
     */
    static boolean keyEndsWith(CharSequence s, int from, int keyEnd, String name) {
        return startOfName(s, from, keyEnd, name, false) >= 0;
    }

    /**
     * Where {@code name} starts when the text ending at {@code end} ends with it, as
     * {@link #keyEndsWith} compares, or -1; {@code spaces} lets a space separate its words too
     * ({@code Social Security}).
     */
    static int startOfName(CharSequence s, int from, int end, String name, boolean spaces) {
        int i = end;
        for (int k = name.length() - 1; k >= 0; k--) {
            while (i > from && k < name.length() - 1 && (isWordSeparator(s.charAt(i - 1)) || (spaces && s.charAt(i - 1) == ' '))) {
                i--;
            }
            if (i <= from) {
                return -1;
            }
            if (CharClass.toLowerBase(s.charAt(--i)) != name.charAt(k)) {
                return -1;
            }
        }
        return i;
    }

    static boolean isWordSeparator(char c) {
        return c == '_' || c == '-' || c == '.';
    }
}
