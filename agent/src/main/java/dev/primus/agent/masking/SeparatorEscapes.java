package dev.primus.agent.masking;

/**
 * Whether the text just before a position ends with an escape that stands for a separator, so
 * that what follows starts a word though the char before it is a letter or digit: JSON's
 * {@code \t}, {@code \n}, {@code \r} and {@code \\u003d} (Gson writes '=', '<', '>', '&' and '\''
 * so), a URL's {@code %3D}, {@code %22} or {@code %20}, and a terminal's colour code
 * ({@code ESC[32m}), which coloured console output carries into log files. For the prefixed
 * tokens ({@code ghp_}, {@code sk-}, {@code dckr_pat_}): their exact formats keep a token glued
 * to such an escape a token.
 */
final class SeparatorEscapes {
    private static final char ESC = 0x1b;
    /** The longest colour code read back: {@code ESC[38;5;208m}. */
    private static final int MAX_COLOUR = 12;

    private SeparatorEscapes() {
    }

    /**
     * Whether the start the scan's plain read-back found for a prefix ({@code start}, or -1 when it
     * found none) may have an escape in or before it, so that {@link #prefixStart} may find
     * another: a word that starts with no ASCII letter ({@code 3Dlin} of {@code %3Dlin_},
     * {@code 32mnpm} of a colour code), or one after a backslash ({@code \tgsk_}). Not where it
     * found none: a word longer than a prefix is common, and an escape and a prefix over seven
     * chars ({@code \u003dghp_}) are not worth a second read-back of each. Not after a '['
     * ({@code ESC[mnpm_}, a colour code with no number): every {@code [http-nio-...]} would be.
     */
    static boolean mayHideAPrefixStart(CharSequence s, int floor, int start) {
        if (start < 0) {
            return false;
        }
        char first = s.charAt(start);
        char before = start > floor ? s.charAt(start - 1) : 0;
        return !CharClass.isLetter(first) || before == '\\';
    }

    /**
     * As {@link SpanFinder#prefixStart}, with a prefix's word also starting after an escape of a
     * separator or a char that is no ASCII word char ({@link CharClass#prefixWordBefore}). A copy
     * of that loop with the other test, kept apart on purpose: the escape check in the scan's own
     * read-back made a clean line 250-315 against 218 ns ({@code SpanFinder.announcedPrefix}).
     */
    static int prefixStart(CharSequence s, int floor, int at) {
        int start = at;
        while (start > at - SpanFinder.MAX_PREFIX && CharClass.prefixWordBefore(s, floor, start)) {
            start--;
        }
        return start == at || CharClass.prefixWordBefore(s, floor, start) ? -1 : start;
    }

    /** Whether {@code s[from, at)} ends with an escape of a char that is no word char. */
    static boolean endAt(CharSequence s, int from, int at) {
        if (at - 2 < from) {
            return false;
        }
        char last = s.charAt(at - 1);
        if ((last == 't' || last == 'n' || last == 'r') && s.charAt(at - 2) == '\\') {
            return true;
        }
        if (last == 'm') {
            return endsColourCode(s, from, at);
        }
        return CharClass.isHex(last) && CharClass.isHex(s.charAt(at - 2)) && endsHexEscape(s, from, at);
    }

    /** Whether {@code s[from, at)}, ending in two hex digits, ends with {@code %HH} or a JSON escape of a separator. */
    private static boolean endsHexEscape(CharSequence s, int from, int at) {
        int code = hexValue(s.charAt(at - 2)) << 4 | hexValue(s.charAt(at - 1));
        boolean percent = at - 3 >= from && s.charAt(at - 3) == '%';
        boolean unicode = at - 6 >= from && s.charAt(at - 6) == '\\' && s.charAt(at - 5) == 'u' && s.charAt(at - 4) == '0'
                && s.charAt(at - 3) == '0';
        return (percent || unicode) && code < 128 && !CharClass.isWord((char) code);
    }

    /** The value of a hex digit; {@code c} is one. */
    private static int hexValue(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /** Whether {@code s[from, at)} ends with ESC, '[', digits and ';', and the 'm' at {@code at - 1}. */
    private static boolean endsColourCode(CharSequence s, int from, int at) {
        int i = at - 2;
        while (i >= from && at - i <= MAX_COLOUR && (CharClass.isDigit(s.charAt(i)) || s.charAt(i) == ';')) {
            i--;
        }
        return i - 1 >= from && s.charAt(i) == '[' && s.charAt(i - 1) == ESC;
    }
}
