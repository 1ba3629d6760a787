package dev.primus.agent.masking;

/**
 * Whether the text just before a position ends with an escape that stands for a separator, so
 * that what follows starts a word though the char before it is a letter or digit: JSON's
 * {@code \t}, {@code \n}, {@code \r} and {@code \u003d} (Gson writes '=', '<', '>', '&' and '\''
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
        if (!CharClass.isHex(last) || !CharClass.isHex(s.charAt(at - 2))) {
            return false;
        }
        int code = Character.digit(s.charAt(at - 2), 16) << 4 | Character.digit(last, 16);
        boolean percent = at - 3 >= from && s.charAt(at - 3) == '%';
        boolean unicode = at - 6 >= from && s.charAt(at - 6) == '\\' && s.charAt(at - 5) == 'u' && s.charAt(at - 4) == '0'
                && s.charAt(at - 3) == '0';
        return (percent || unicode) && code < 128 && !CharClass.isWord((char) code);
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
