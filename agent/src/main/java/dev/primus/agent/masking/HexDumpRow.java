package dev.primus.agent.masking;

/**
 * Reads one row of a hex dump: an offset of 4 to 8 hex digits (after an optional '|', before an
 * optional '|' or ':'), 1 to 32 bytes as two hex digits each, and a text column showing each byte
 * as its char, or '.' for one that is not printable. The layouts of Netty's {@code LoggingHandler}
 * ({@code |00000010| 2f 31 ... |/1.1..Host: loca|}), MariaDB Connector/J at TRACE
 * ({@code |000010| 20 27 ...  25 27 20 | 'rwm'@'%' |}), the JDK's {@code HexDumpEncoder}
 * ({@code 0010: 2F 31 ...   54 50  /1.1..HTTP}) and {@code hexdump -C} all read so.
 *
 * <p>A line is taken for a row only where its text column shows exactly its bytes: that check,
 * not the layout, is what tells a dump from a line of numbers. A starred byte ({@code **} in the
 * hex column, '*' in the text column, as {@link HexDump#star} leaves it) reads as a '*', so a dump
 * masked once reads the same when masked again. A row ends at a line break, real or escaped
 * ({@code \n} as {@link LineBreaks} writes it in an argument), since both reach the masker.
 * Mutable and reused from row to row; one per thread at a time.
 */
final class HexDumpRow {
    /** The most bytes a row may show: 16 is usual, 32 is seen. */
    static final int MAX_BYTES = 32;
    /** What a starred byte reads as. */
    static final char STAR = '*';
    private static final int MAX_INDENT = 16;
    private static final int MIN_OFFSET_DIGITS = 4;
    private static final int MAX_OFFSET_DIGITS = 8;
    /** Spaces before a byte's two digits: one, or a few between groups of eight. */
    private static final int MAX_GAP = 3;

    /** The offset the row gives for its first byte. */
    long offset;
    /** How many bytes the row shows. */
    int count;
    /** Where byte k's first hex digit stands in the text. */
    final int[] hexAt = new int[MAX_BYTES];
    /** Where byte k's char stands in the text column. */
    int textAt;
    /** Where the row's line ends (its break, or the text's end) and where the next line starts. */
    int lineEnd;
    int nextLine;

    /** Whether a row may start at a line's first char: the cheap test before {@link #read}. */
    static boolean mayStart(char c) {
        return c == '|' || c == ' ' || c == '\t' || hexValue(c) >= 0;
    }

    /** Whether the line starting at {@code at} is a row; its parts are in the fields then. */
    boolean read(CharSequence s, int at, int end) {
        lineEnd = breakAt(s, at, end);
        nextLine = nextLine(s, lineEnd, end);
        int p = at;
        while (p < lineEnd && p - at < MAX_INDENT && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        if (p < lineEnd && s.charAt(p) == '|') {
            p++;
        }
        int digits = 0;
        long value = 0;
        while (p < lineEnd && digits <= MAX_OFFSET_DIGITS && hexValue(s.charAt(p)) >= 0) {
            value = value << 4 | hexValue(s.charAt(p));
            digits++;
            p++;
        }
        if (digits < MIN_OFFSET_DIGITS || digits > MAX_OFFSET_DIGITS) {
            return false;
        }
        offset = value;
        if (p < lineEnd && (s.charAt(p) == '|' || s.charAt(p) == ':')) {
            p++;
        }
        int cells = 0;
        while (cells < MAX_BYTES) {
            int q = p;
            while (q < lineEnd && q - p <= MAX_GAP && s.charAt(q) == ' ') {
                q++;
            }
            if (q == p || q - p > MAX_GAP || q + 2 > lineEnd || byteAt(s, q) < 0
                    || q + 2 < lineEnd && s.charAt(q + 2) != ' ' && s.charAt(q + 2) != '|') {
                break;
            }
            hexAt[cells++] = q;
            p = q + 2;
        }
        // The text column may start with chars that read as a byte ("AB CD" after 41 42 20 43 44):
        // the most bytes whose column follows them is the row.
        for (int n = cells; n > 0; n--) {
            if (textColumn(s, n)) {
                count = n;
                return true;
            }
        }
        return false;
    }

    /** Byte k's value, or {@link #STAR} for a starred one. */
    int byteValue(CharSequence s, int k) {
        return byteAt(s, hexAt[k]);
    }

    /** Whether the first {@code n} bytes are followed by their text column and nothing else; sets {@link #textAt}. */
    private boolean textColumn(CharSequence s, int n) {
        int afterBytes = hexAt[n - 1] + 2;
        int p = afterBytes;
        while (p < lineEnd && s.charAt(p) == ' ') {
            p++;
        }
        int spacesFrom = afterBytes;
        if (p < lineEnd && s.charAt(p) == '|') {
            p++;
            spacesFrom = p;
            while (p < lineEnd && s.charAt(p) == ' ') {
                p++;
            }
        }
        // Spaces the bytes start with stand at the end of the separator's spaces.
        int leadingSpaces = 0;
        while (leadingSpaces < n && byteValue(s, leadingSpaces) == ' ') {
            leadingSpaces++;
        }
        int at = p - leadingSpaces;
        if (at < spacesFrom || at == afterBytes || at + n > lineEnd) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (!shows(s.charAt(at + k), byteValue(s, k))) {
                return false;
            }
        }
        p = at + n;
        while (p < lineEnd && s.charAt(p) == ' ') {
            p++;
        }
        if (p < lineEnd && s.charAt(p) == '|') {
            p++;
        }
        while (p < lineEnd && s.charAt(p) == ' ') {
            p++;
        }
        textAt = at;
        return p == lineEnd;
    }

    /**
     * Whether a text column's char shows this byte: its own char when printable ASCII; '.' for any
     * byte, since dumpers differ on which they print (the JDK's prints '.' for '{' to '~').
     */
    private static boolean shows(char shown, int value) {
        return shown == value || shown == '.' && (value < 0x20 || value >= 0x7b || !isWordChar(value));
    }

    private static boolean isWordChar(int value) {
        return value >= 'a' && value <= 'z' || value >= 'A' && value <= 'Z' || value >= '0' && value <= '9';
    }

    /** The byte two hex digits at {@code at} give, {@link #STAR} for "**", or -1. */
    static int byteAt(CharSequence s, int at) {
        char high = s.charAt(at);
        char low = s.charAt(at + 1);
        if (high == STAR && low == STAR) {
            return STAR;
        }
        int h = hexValue(high);
        int l = hexValue(low);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** The first real or escaped line break from {@code at}, or {@code end}. */
    static int breakAt(CharSequence s, int at, int end) {
        for (int i = at; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || PasswordValues.isEscapedBreakAt(s, i, end)) {
                return i;
            }
        }
        return end;
    }

    /** Past the line break {@link #breakAt} found at {@code at}: CR LF, LF or CR, real or escaped. */
    static int nextLine(CharSequence s, int at, int end) {
        if (at >= end) {
            return end;
        }
        int past = TextSearch.breakEnd(s, at, end);
        return past > 0 ? past : at + (s.charAt(at) == '\\' ? 2 : 1); // a CR alone
    }
}
