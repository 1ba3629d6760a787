package dev.primus.agent.masking;

/**
 * A row of HttpClient 5's async wire log, which logs each 16 bytes sent or received as a message of
 * its own: {@code c-0000000001[ACTIVE][rw:w] >> com","password":  63 6f 6d 22 2c 22 70 61 ...},
 * the direction, a text column of 16 chars (a byte that is no printable ASCII shows as a space or
 * '.'), two spaces, and the bytes in hex. Read as text, such a row leaks its bytes in the hex
 * column whatever its text column shows, and a key at the column's end takes the first hex digits
 * for its value. So the row is a dump of one row ({@link HexDump}): its bytes are judged, and a
 * value in them starred in both columns. A value split between two rows, two messages, is beyond
 * any one message's masking (docs/masking.md).
 *
 * <p>Read from the message's end, and only once the scan has found a value in the message, so a
 * message with nothing in it pays nothing.
 */
final class WireLogRow {
    /** The bytes a row shows, and the width of its text column. */
    static final int WIDTH = 16;
    /** Between the text column and the bytes. */
    private static final int GAP = 2;
    private static final String SENT = ">> ";
    private static final String RECEIVED = "<< ";

    private WireLogRow() {
    }

    /** The row that {@code s[from, end)} ends with, as a dump of one row, or null when it ends with none. */
    static HexDump in(CharSequence s, int from) {
        int end = s.length();
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

    /** A printable ASCII byte as itself (a starred one as '*'); any other as a space or '.'. */
    private static boolean shows(char shown, int value) {
        return shown == value || (value < 0x20 || value > 0x7e) && (shown == ' ' || shown == '.');
    }

    private static void reverse(int[] values, int count) {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
