package dev.primus.agent.masking;

/**
 * ASCII character classes and word boundaries as the detectors see them. The two-character
 * escapes {@code \n} and {@code \r} that replace line breaks count as a space, so a value at the
 * start of a line is still at a word start.
 */
final class CharClass {
    private CharClass() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code s[at, at + count)} lies before {@code end} and is all ASCII digits. */
    static boolean digits(CharSequence s, int at, int count, int end) {
        if (at + count > end) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[start, stop)} is hex digits only, of either case. */
    static boolean hexDigits(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Whether {@code s[start, stop)} is all ASCII lower-case letters. */
    static boolean lowers(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!isLower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII upper-case letter in lower case; any other char as it is. */
    static char toLower(char c) {
        return isUpper(c) ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * Latin-1's accented letters (U+00C0 to U+00FF) as the lower-case ASCII letter they are written
     * on, '\0' where there is none (Æ, ß, ×): so that {@code teléfono} and {@code TÉLÉPHONE} read as
     * the ASCII words the keyword lists hold. Covers Western European languages' accents; past
     * Latin-1, Polish ł and Turkish ş, and any other letter only made lower-case.
     */
    private static final String LATIN1_BASES =
            "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";

    /** As {@link #toLower}, and a Latin-1 accented letter as its lower-case ASCII base letter. */
    static char toLowerBase(char c) {
        if (c >= '\u00C0' && c <= '\u00FF') {
            char base = LATIN1_BASES.charAt(c - '\u00C0');
            return base == 0 ? c : base;
        }
        return c > '\u00FF' ? pastLatin1Base(c) : toLower(c);
    }

    /** Polish ł and Turkish ş as the ASCII letters the keyword lists spell them with (hasło, şifre); else lower case. */
    private static char pastLatin1Base(char c) {
        char lower = Character.toLowerCase(c);
        return lower == '\u0142' ? 'l' : lower == '\u015f' ? 's' : lower;
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isUpper(c) || isLower(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The base64url alphabet (RFC 4648 section 5): letters, digits, '-' and '_'. */
    static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '-' || c == '_';
    }

    /**
     * Where the run of base64url chars from {@code at} ends, counted to one char past {@code max}
     * at most: a token of at most {@code max} chars is told from a longer run without reading it all.
     */
    static int base64UrlRunEnd(CharSequence s, int at, int end, int max) {
        int stop = at;
        while (stop < end && stop - at <= max && isBase64Url(s.charAt(stop))) {
            stop++;
        }
        return stop;
    }

    /** The base64 alphabet (RFC 4648 section 4) without its '=' padding: letters, digits, '+' and '/'. */
    static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/';
    }

    /** Where the run of hex digits at {@code at} ends, read no further than {@code limit}. */
    static int hexEnd(CharSequence s, int at, int limit) {
        int i = at;
        while (i < limit && isHex(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the run of ASCII digits at {@code at} ends: {@code at} itself when none starts there. */
    static int digitsEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The base64 alphabet with its '=' padding. */
    static boolean isBase64OrPad(char c) {
        return isBase64(c) || c == '=';
    }

    /** A double or single quote, as values are quoted in. */
    static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** Letters and digits of any script, and '_': what a value must not touch on either side. */
    static boolean isWord(char c) {
        return c < 128 ? isAlnum(c) || c == '_' : Character.isLetterOrDigit(c);
    }

    /** Whether the char before {@code at} continues a word; text before {@code from} is not looked at. */
    static boolean wordBefore(CharSequence s, int from, int at) {
        return at > from && isWord(s.charAt(at - 1)) && !isEscapedBreak(s, from, at - 1);
    }

    /**
     * Whether the char before {@code at} continues the word a prefixed token ({@code ghp_},
     * {@code sk-}, {@code dckr_pat_}) would start in: an ASCII letter, digit or '_' that ends no
     * escape of a separator ({@link SeparatorEscapes}). A letter of another script does not: CJK
     * text runs into a token with no space ({@code 令牌gsk_...}), and no prefix holds one.
     */
    static boolean prefixWordBefore(CharSequence s, int from, int at) {
        return asciiWordBefore(s, from, at) && !SeparatorEscapes.endAt(s, from, at);
    }

    /** Whether the char before {@code at} is an ASCII letter, digit or '_', and not the letter of an escaped line break. */
    static boolean asciiWordBefore(CharSequence s, int from, int at) {
        if (at <= from) {
            return false;
        }
        char c = s.charAt(at - 1);
        return c < 128 && (isAlnum(c) || c == '_') && !isEscapedBreak(s, from, at - 1);
    }

    /**
     * Whether the char at {@code at} continues a prefixed token's word: an ASCII letter, digit or
     * '_'; a letter of another script ends one ({@code ntn_...を使用}).
     */
    static boolean asciiWordAt(CharSequence s, int at, int end) {
        return at < end && s.charAt(at) < 128 && isWord(s.charAt(at));
    }

    /** Whether the char at {@code at} continues a word. */
    static boolean wordAt(CharSequence s, int at, int end) {
        return at < end && isWord(s.charAt(at));
    }

    /**
     * Whether the char at {@code i} ends a {@code \n} or {@code \r} escape, its C-style hex form
     * {@code \x0a} or {@code \x0d} (Privoxy's and Dante's dumps of what they forward), or its URL
     * encoding {@code %0A} or {@code %0D} (Swift's access log of a request's headers), either case.
     */
    static boolean isEscapedBreak(CharSequence s, int from, int i) {
        char c = s.charAt(i);
        if (c == 'n' || c == 'r') {
            return i > from && s.charAt(i - 1) == '\\';
        }
        char hex = (char) (c | 0x20);
        if ((hex != 'a' && hex != 'd') || i - 2 < from || s.charAt(i - 1) != '0') {
            return false;
        }
        char escape = s.charAt(i - 2);
        return escape == '%' || (escape | 0x20) == 'x' && i - 3 >= from && s.charAt(i - 3) == '\\';
    }
}
