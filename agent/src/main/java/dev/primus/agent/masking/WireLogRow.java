package dev.primus.agent.masking;

/**
 * A hex dump's row that a wire log writes as a message of its own, so that no line break makes it
 * one of {@link HexDump}'s: HttpClient 5's async wire log, each 16 bytes sent or received,
 * {@code c-0000000001[ACTIVE][rw:w] >> com","password":  63 6f 6d 22 2c 22 70 61 ...} (the
 * direction, a text column of 16 chars, two spaces, the bytes), and Apache MINA SSHD's packets at
 * TRACE, each 64 bytes, {@code encode(...) packet #13 [chunk #1](43/43) 62 00 ... 78  b....env....}
 * (the bytes, then the text column after two spaces or more). A byte that is no printable ASCII
 * shows as a space or '.'. Read as text, such a row leaks its bytes in the hex column whatever its
 * text column shows, and a key at the column's end takes the first hex digits for its value. So the
 * row is a dump of one row: its bytes are judged, and a value in them starred in both columns. A
 * value split between two rows, two messages, is beyond any one message's masking
 * (docs/masking.md).
 *
 * <p>Read from the message's end, and only once the scan has found a value in the message, so a
 * message with nothing in it pays nothing.
 */
final class WireLogRow {
    /** The bytes a row of HttpClient's shows, and the width of its text column. */
    static final int WIDTH = 16;
    /** The most bytes a row of SSHD's shows; the fewest a row whose bytes come first is read with. */
    private static final int MAX_BYTES_FIRST = 64;
    private static final int MIN_BYTES_FIRST = 4;
    /** Between the text column and the bytes. */
    private static final int GAP = 2;
    private static final String SENT = ">> ";
    private static final String RECEIVED = "<< ";

    private WireLogRow() {
    }

    /** The row that {@code s[from, end)} ends with, as a dump of one row, or null when it ends with none. */
    static HexDump in(CharSequence s, int from) {
        HexDump row = textFirst(s, from);
        return row != null ? row : bytesFirst(s, from);
    }

    /** HttpClient's row: {@code >> } or {@code << }, the text column, two spaces, the bytes to the end. */
    private static HexDump textFirst(CharSequence s, int from) {
        int end = s.length();
        if (end - 3 < from || HexDumpRow.byteAt(s, end - 2) < 0 || s.charAt(end - 3) != ' ') {
            return null;
        }
        int[] hexAt = new int[WIDTH];
        int count = 0;
        int at = end - 2;
        // The bytes, back from the end: two hex digits each, one space between.
        while (count < WIDTH && at >= from && HexDumpRow.byteAt(s, at) >= 0) {
            hexAt[count++] = at;
            if (at - 1 < from || s.charAt(at - 1) != ' ' || at - 2 >= from && s.charAt(at - 2) == ' ') {
                break;
            }
            at -= 3;
        }
        int first = count == 0 ? -1 : hexAt[count - 1];
        int column = first - GAP - WIDTH;
        if (count == 0 || column - SENT.length() < from || s.charAt(first - 1) != ' ' || s.charAt(first - 2) != ' '
                || !TextSearch.startsWith(s, column - SENT.length(), end, SENT)
                && !TextSearch.startsWith(s, column - RECEIVED.length(), end, RECEIVED)) {
            return null;
        }
        reverse(hexAt, count);
        StringBuilder bytes = new StringBuilder(count);
        int[] charAt = new int[count];
        for (int k = 0; k < WIDTH; k++) {
            char shown = s.charAt(column + k);
            if (k >= count) {
                if (shown != ' ') {
                    return null; // the column is padded with spaces past the row's last byte
                }
                continue;
            }
            int value = HexDumpRow.byteAt(s, hexAt[k]);
            if (!shows(shown, value)) {
                return null;
            }
            bytes.append((char) value);
            charAt[k] = column + k;
        }
        return HexDump.ofRow(column, end, bytes.toString(), java.util.Arrays.copyOf(hexAt, count), charAt);
    }

    /**
     * SSHD's row: {@code n} bytes, two spaces or more, and their text column of {@code n} chars to the
     * end. The column's width is what tells where it starts: each width is tried.
     */
    private static HexDump bytesFirst(CharSequence s, int from) {
        int end = s.length();
        for (int count = MIN_BYTES_FIRST; count <= MAX_BYTES_FIRST; count++) {
            int column = end - count;
            int hexEnd = column;
            while (hexEnd > from && s.charAt(hexEnd - 1) == ' ') {
                hexEnd--;
            }
            int first = hexEnd - 3 * count + 1;
            if (column - hexEnd < 2 || first - 1 < from || s.charAt(first - 1) != ' ') {
                continue;
            }
            HexDump row = row(s, first, column, count, end);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    /** The {@code count} bytes from {@code first}, one space apart, shown from {@code column} on; null when they are not. */
    private static HexDump row(CharSequence s, int first, int column, int count, int end) {
        for (int k = 0; k < count; k++) {
            int at = first + 3 * k;
            int value = HexDumpRow.byteAt(s, at);
            if (value < 0 || k + 1 < count && s.charAt(at + 2) != ' ' || !shows(s.charAt(column + k), value)) {
                return null; // read before anything is allocated: most widths tried are no row
            }
        }
        StringBuilder bytes = new StringBuilder(count);
        int[] hexAt = new int[count];
        int[] charAt = new int[count];
        for (int k = 0; k < count; k++) {
            hexAt[k] = first + 3 * k;
            charAt[k] = column + k;
            bytes.append((char) HexDumpRow.byteAt(s, hexAt[k]));
        }
        return HexDump.ofRow(first, end, bytes.toString(), hexAt, charAt);
    }

    /**
     * A printable ASCII byte as itself (a starred one as '*'); any other as a space or '.'; and, as
     * SSHD shows them, a space or a symbol as '.' too.
     */
    private static boolean shows(char shown, int value) {
        return shown == value || (value < 0x20 || value > 0x7e) && (shown == ' ' || shown == '.')
                || shown == '.' && !CharClass.isAlnum((char) value);
    }

    private static void reverse(int[] values, int count) {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
