package dev.primus.agent.masking;

import java.util.ArrayList;
import java.util.List;

/**
 * A hex dump in a message, read back into the bytes it shows. A client's wire log at DEBUG or TRACE
 * (Netty's {@code LoggingHandler}, so Reactor Netty's and Spring WebClient's wiretap; MariaDB
 * Connector/J) dumps the requests it sends, and a dump's text column shows them sixteen chars a
 * row: {@code Authorization: Basic} on one row, its credential on the next, a password split
 * between two. Judged row by row, such a value leaks; so the detectors judge the bytes whole, and
 * a value found there has its bytes starred in both columns ({@link #star}), which keeps the
 * dump's layout (a marker would not fit it). The rows themselves are then no text to scan: their
 * pieces are what the bytes already said ({@code password: YE}, cut from a "YES" by a row's end,
 * is no password).
 *
 * <p>Rows are read by {@link HexDumpRow}; a dump is a run of rows on consecutive lines whose
 * offsets follow on. Found only in a message that holds a line break, so a one-line message pays
 * nothing for it.
 */
final class HexDump {
    /** Where the first row starts and the last row's line ends. */
    final int start;
    final int end;
    /** The bytes, one char each (ISO-8859-1); a starred byte is a '*'. */
    final String bytes;
    private final int[] hexAt;
    private final int[] charAt;

    private HexDump(int start, int end, String bytes, int[] hexAt, int[] charAt) {
        this.start = start;
        this.end = end;
        this.bytes = bytes;
        this.hexAt = hexAt;
        this.charAt = charAt;
    }

    /** The dumps in {@code s} from {@code from} on, in text order; null when there are none. */
    static List<HexDump> in(CharSequence s, int from) {
        int end = s.length();
        HexDumpRow row = null;
        List<HexDump> dumps = null;
        int line = from;
        while (line < end) {
            if (HexDumpRow.mayStart(s.charAt(line))) {
                if (row == null) {
                    row = new HexDumpRow();
                }
                if (row.read(s, line, end)) {
                    HexDump dump = startingAt(s, line, end, row);
                    if (dumps == null) {
                        dumps = new ArrayList<HexDump>(2);
                    }
                    dumps.add(dump);
                    line = HexDumpRow.nextLine(s, dump.end, end);
                    continue;
                }
            }
            line = nextLine(s, line, end);
        }
        return dumps;
    }

    /** A dump of one row whose text column and bytes lie in {@code [start, end)} ({@link WireLogRow}). */
    static HexDump ofRow(int start, int end, String bytes, int[] hexAt, int[] charAt) {
        return new HexDump(start, end, bytes, hexAt, charAt);
    }

    /** The dump whose first row, already read into {@code row}, starts at {@code start}. */
    private static HexDump startingAt(CharSequence s, int start, int end, HexDumpRow row) {
        StringBuilder bytes = new StringBuilder();
        int[] hexAt = new int[HexDumpRow.MAX_BYTES];
        int[] charAt = new int[HexDumpRow.MAX_BYTES];
        int dumpEnd;
        long offset;
        do {
            if (bytes.length() + row.count > hexAt.length) {
                hexAt = java.util.Arrays.copyOf(hexAt, 2 * hexAt.length);
                charAt = java.util.Arrays.copyOf(charAt, 2 * charAt.length);
            }
            for (int k = 0; k < row.count; k++) {
                hexAt[bytes.length()] = row.hexAt[k];
                charAt[bytes.length()] = row.textAt + k;
                bytes.append((char) row.byteValue(s, k));
            }
            dumpEnd = row.lineEnd;
            offset = row.offset + row.count;
        } while (row.nextLine < end && row.read(s, row.nextLine, end) && row.offset == offset);
        return new HexDump(start, dumpEnd, bytes.toString(), hexAt, charAt);
    }

    /** Stars bytes {@code [from, to)} in both columns of the text the dump was found in; lengths stay. */
    void star(StringBuilder text, int from, int to) {
        for (int k = from; k < to; k++) {
            text.setCharAt(hexAt[k], HexDumpRow.STAR);
            text.setCharAt(hexAt[k] + 1, HexDumpRow.STAR);
            text.setCharAt(charAt[k], HexDumpRow.STAR);
        }
    }

    /** Whether {@code [from, to)} of the text overlaps the dump's rows. */
    boolean overlaps(int from, int to) {
        return from < end && to > start;
    }

    /** Past the line that {@code at} is on: after its next real or escaped break, or {@code end}. */
    private static int nextLine(CharSequence s, int at, int end) {
        return HexDumpRow.nextLine(s, HexDumpRow.breakAt(s, at, end), end);
    }
}
