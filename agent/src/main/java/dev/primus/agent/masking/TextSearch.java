package dev.primus.agent.masking;

/** Literal comparisons on a CharSequence (String and StringBuilder alike), without copying. */
final class TextSearch {
    /** The most digits of a port ({@code :65535}). */
    private static final int MAX_PORT_DIGITS = 5;

    private TextSearch() {
    }

    static boolean startsWith(CharSequence s, int at, int end, String prefix) {
        int length = prefix.length();
        if (at < 0 || at + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, end)} ends with {@code suffix}: no part of it before {@code from}. */
    static boolean endsWith(CharSequence s, int from, int end, String suffix) {
        int start = end - suffix.length();
        return start >= from && startsWith(s, start, end, suffix);
    }

    /** ASCII case-insensitive; {@code lowerPrefix} must be lower case. */
    static boolean startsWithIgnoreCase(CharSequence s, int at, int end, String lowerPrefix) {
        int length = lowerPrefix.length();
        if (at < 0 || at + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (CharClass.toLower(s.charAt(at + i)) != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[from, end)} ends with one of {@code lowerWords}, ignoring ASCII case, as a
     * word of its own: no letter, digit or '_' right before it.
     */
    static boolean endsWithWordOf(CharSequence s, int from, int end, String[] lowerWords) {
        for (String word : lowerWords) {
            int start = end - word.length();
            if (start >= from && startsWithIgnoreCase(s, start, end, word)
                    && (start == from || !CharClass.isWord(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The end of the one of {@code lowerWords} at {@code at}, ASCII case ignored, that a space follows; -1 if none. */
    static int wordBeforeSpace(CharSequence s, int at, int end, String[] lowerWords) {
        for (String word : lowerWords) {
            int wordEnd = at + word.length();
            if (wordEnd < end && s.charAt(wordEnd) == ' ' && startsWithIgnoreCase(s, at, end, word)) {
                return wordEnd;
            }
        }
        return -1;
    }

    /** Past the spaces at {@code at}, at most {@code max} of them. */
    static int pastSpaces(CharSequence s, int at, int end, int max) {
        int i = at;
        while (i < end && i - at < max && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether {@code s[at, end)} is {@code lowerWord}, ASCII case-insensitively; {@code lowerWord} must be lower case. */
    static boolean equalsIgnoreCase(CharSequence s, int at, int end, String lowerWord) {
        return end - at == lowerWord.length() && startsWithIgnoreCase(s, at, end, lowerWord);
    }

    /**
     * Whether one of {@code lowerWords} (letters only, at most {@code maxLength} of them) stands
     * right before {@code at} as a word of its own, a space apart, or with {@code dash} a '-';
     * nothing before {@code from} is read.
     */
    static boolean afterWordOf(CharSequence s, int from, int at, String[] lowerWords, int maxLength, boolean dash) {
        int wordEnd = at - 1;
        if (wordEnd <= from || s.charAt(wordEnd) != ' ' && !(dash && s.charAt(wordEnd) == '-')) {
            return false;
        }
        int wordStart = wordEnd;
        while (wordStart > from && wordEnd - wordStart < maxLength && CharClass.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        return (wordStart == from || !CharClass.isWord(s.charAt(wordStart - 1)))
                && isOneOfIgnoreCase(s, wordStart, wordEnd, lowerWords);
    }

    /** Whether {@code s[start, stop)} is one of {@code lowerWords}, ASCII case ignored. */
    static boolean isOneOfIgnoreCase(CharSequence s, int start, int stop, String[] lowerWords) {
        for (String word : lowerWords) {
            if (equalsIgnoreCase(s, start, stop, word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[start, stop)} is one of {@code words}, exactly. */
    static boolean isOneOf(CharSequence s, int start, int stop, String[] words) {
        for (String word : words) {
            if (stop - start == word.length() && startsWith(s, start, stop, word)) {
                return true;
            }
        }
        return false;
    }

    /** First index of {@code c} in {@code [from, end)}, or -1. */
    static int indexOf(CharSequence s, char c, int from, int end) {
        for (int i = Math.max(from, 0); i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Last index of {@code c} in {@code [from, end)}, or -1. */
    static int lastIndexOf(CharSequence s, char c, int from, int end) {
        for (int i = end - 1; i >= Math.max(from, 0); i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code lowerWord} stands in {@code s[from, end)} as a word of its own, in any case. */
    static boolean containsWordIgnoreCase(CharSequence s, int from, int end, String lowerWord) {
        for (int i = from; i + lowerWord.length() <= end; i++) {
            if ((i == from || !CharClass.isWord(s.charAt(i - 1))) && startsWithIgnoreCase(s, i, end, lowerWord)
                    && (i + lowerWord.length() == end || !CharClass.isWord(s.charAt(i + lowerWord.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Where the last {@code lower} (lower case) in {@code s[from, end)} starts, ASCII case ignored; -1 if none. */
    static int lastIndexOfIgnoreCase(CharSequence s, int from, int end, String lower) {
        for (int i = end - lower.length(); i >= Math.max(from, 0); i--) {
            if (startsWithIgnoreCase(s, i, end, lower)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the line break at {@code at} ends: CR LF or LF, or either escaped as the agent writes them
     * in an argument; -1 when none, or a CR alone, stands there.
     */
    static int breakEnd(CharSequence s, int at, int end) {
        if (at < end && s.charAt(at) == '\r') {
            return at + 1 < end && s.charAt(at + 1) == '\n' ? at + 2 : -1;
        }
        if (at < end && s.charAt(at) == '\n') {
            return at + 1;
        }
        if (PasswordValues.isEscapedBreakAt(s, at, end) && s.charAt(at + 1) == 'r') {
            return PasswordValues.isEscapedBreakAt(s, at + 2, end) && s.charAt(at + 3) == 'n' ? at + 4 : -1;
        }
        return PasswordValues.isEscapedBreakAt(s, at, end) ? at + 2 : -1;
    }

    /** Where the line that {@code at} is on ends: at its CR or LF, or at {@code end}. */
    static int lineEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** First index of {@code needle} in {@code [from, end)}, or -1. */
    /**
     * Where the text after the nearest {@code prefix} before {@code at} starts, when the prefix
     * starts at most {@code maxDistance} chars back and no line break stands between; -1 when none.
     */
    static int afterOnLine(CharSequence s, int from, int at, String prefix, int maxDistance) {
        char first = prefix.charAt(0);
        for (int i = at - prefix.length(); i >= from && at - i <= maxDistance; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == first && startsWith(s, i, at, prefix)) {
                return i + prefix.length();
            }
        }
        return -1;
    }

    static int indexOf(CharSequence s, String needle, int from, int end) {
        char first = needle.charAt(0);
        int last = end - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (s.charAt(i) == first && startsWith(s, i, end, needle)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a URL's host ends, when its path starts at {@code path}: there, or before the port
     * between them ({@code hooks.slack.com:443/services/}, as the audit writes URLs).
     */
    static int hostEnd(CharSequence s, int from, int path) {
        int digits = path;
        while (digits > from && path - digits < MAX_PORT_DIGITS && CharClass.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        return digits < path && digits > from && s.charAt(digits - 1) == ':' ? digits - 1 : path;
    }
}
