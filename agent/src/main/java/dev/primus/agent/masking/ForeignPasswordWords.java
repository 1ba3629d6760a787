package dev.primus.agent.masking;

/**
 * For password_kv: the word for a password in scripts other than Latin, as a key before '=' or ':'
 * ({@code пароль=}, {@code 密码:}, {@code 用户密码=}). Held as char arrays, never as Strings: a
 * String holding a char past Latin-1 is stored in UTF-16, and one such String passed to
 * {@code String.charAt} makes the JIT compile both of its paths into every scan loop that reads a
 * message through it, which cost a clean Latin-1 line a quarter more time (MaskingBenchmark).
 */
final class ForeignPasswordWords {
    /** Russian and Ukrainian, Chinese (simplified, traditional, the older word), Japanese, Korean, Hebrew, Hindi, Thai. */
    private static final char[][] WORDS = {
        {'\u043f', '\u0430', '\u0440', '\u043e', '\u043b', '\u044c'},
        {'\u5bc6', '\u7801'},
        {'\u5bc6', '\u78bc'},
        {'\u53e3', '\u4ee4'},
        {'\u30d1', '\u30b9', '\u30ef', '\u30fc', '\u30c9'},
        {'\ube44', '\ubc00', '\ubc88', '\ud638'},
        {'\u05e1', '\u05d9', '\u05e1', '\u05de', '\u05d4'},
        {'\u092a', '\u093e', '\u0938', '\u0935', '\u0930', '\u094d', '\u0921'},
        {'\u0e23', '\u0e2b', '\u0e31', '\u0e2a', '\u0e1c', '\u0e48', '\u0e32', '\u0e19'},
    };

    private ForeignPasswordWords() {
    }

    /** Whether some word ends in {@code c}, lower-cased. */
    static boolean mayEnd(char c) {
        char last = Character.toLowerCase(c);
        for (char[] word : WORDS) {
            if (word[word.length - 1] == last) {
                return true;
            }
        }
        return false;
    }

    /** Where a word that ends at {@code end} starts, in any case, no further back than {@code from}; else -1. */
    static int startOfWordEndingAt(CharSequence s, int from, int end) {
        for (char[] word : WORDS) {
            int start = end - word.length;
            if (start >= from && matchesAt(s, start, word)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(CharSequence s, int start, char[] word) {
        for (int k = 0; k < word.length; k++) {
            if (Character.toLowerCase(s.charAt(start + k)) != word[k]) {
                return false;
            }
        }
        return true;
    }
}
