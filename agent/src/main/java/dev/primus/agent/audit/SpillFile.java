package dev.primus.agent.audit;

import dev.primus.bootstrap.PrimusLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * Where a remote sink's events go once its memory buffer is full (audit.sinks[].spill): appended
 * as {@code SEQ LINE\n} records to a local file of at most {@code maxBytes}, and read back in the
 * order written as the buffer empties. Emptied, the file is cut back to nothing. Used by one
 * {@link SinkBuffer}, under its lock.
 *
 * <p>It holds this run's events only: the sink's message ids are this start's id and {@code seq},
 * so events a previous run left are not sent under new ids (they could collide with this run's). A
 * file found non-empty at start is kept beside, as {@code FILE.unsent-MILLIS}, and a WARN names it
 * and its count, for the operator to replay.
 */
final class SpillFile {
    private final File file;
    private final long maxBytes;
    private final RandomAccessFile data;
    private long readAt;
    private long writeAt;
    private long records;
    /** Read ahead of {@link #readAt}, so that each record does not cost a read call. */
    private final byte[] chunk = new byte[64 << 10];
    private long chunkAt = -1;
    private int chunkLength;

    private SpillFile(File file, long maxBytes) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.data = new RandomAccessFile(file, "rw");
        data.setLength(0);
    }

    /** Opens {@code file} empty, first keeping what an earlier run left in it; null, with a WARN, when it cannot. */
    static SpillFile open(String path, long maxBytes, String sinkName) {
        File file = new File(path);
        try {
            File parent = file.getAbsoluteFile().getParentFile();
            if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
                throw new IOException("cannot create the folder " + parent);
            }
            if (file.length() > 0) {
                File kept = new File(path + ".unsent-" + System.currentTimeMillis());
                if (!file.renameTo(kept)) {
                    throw new IOException("cannot keep what an earlier run left in it as " + kept);
                }
                PrimusLog.warn("audit sink " + sinkName + ": " + kept + " holds events an earlier run spilled and never "
                        + "delivered (one per line: seq, then the event); they are not sent again under this run's ids");
            }
            return new SpillFile(file, maxBytes);
        } catch (IOException | RuntimeException e) {
            PrimusLog.warn("audit sink " + sinkName + ": spill file " + path + " cannot be used (" + e.getMessage()
                    + "); events past the memory buffer are dropped and counted");
            return null;
        }
    }

    /** Receives a record read back. */
    interface Taker {
        void take(long seq, String line);
    }

    boolean isEmpty() {
        return records == 0;
    }

    long records() {
        return records;
    }

    /** Appends one event; false when the file would pass its size, or cannot be written. */
    boolean append(long seq, String line) {
        byte[] record = (seq + " " + line + "\n").getBytes(StandardCharsets.UTF_8);
        if (writeAt + record.length > maxBytes) {
            return false;
        }
        try {
            data.seek(writeAt);
            data.write(record);
            writeAt += record.length;
            records++;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Moves the oldest record into {@code into}; false when there is none. The file is cut back to
     * nothing when the last record has been read. Throws when it cannot be read: its records are
     * then given up ({@link #records} tells how many before the call, to count them).
     */
    boolean takeOldest(Taker into) throws IOException {
        if (records == 0) {
            return false;
        }
        try {
            ByteArrayOutputStream record = new ByteArrayOutputStream(512);
            long at = readAt;
            while (true) {
                if (chunkAt < 0 || at < chunkAt || at >= chunkAt + chunkLength) {
                    data.seek(at);
                    chunkLength = data.read(chunk, 0, (int) Math.min(chunk.length, writeAt - at));
                    chunkAt = at;
                    if (chunkLength <= 0) {
                        throw new IOException("the spill file ends before its last record");
                    }
                }
                int from = (int) (at - chunkAt);
                int newline = from;
                while (newline < chunkLength && chunk[newline] != '\n') {
                    newline++;
                }
                record.write(chunk, from, newline - from);
                at = chunkAt + newline;
                if (newline < chunkLength) {
                    at++;
                    break;
                }
            }
            String text = new String(record.toByteArray(), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            readAt = at;
            records--;
            if (records == 0) {
                empty();
            }
            into.take(Long.parseLong(text.substring(0, space)), text.substring(space + 1));
            return true;
        } catch (IOException | RuntimeException e) {
            PrimusLog.warn("audit: spill file " + file + " cannot be read (" + e.getMessage() + "); its "
                    + records + " events are given up and counted as dropped");
            records = 0;
            empty();
            throw e instanceof IOException ? (IOException) e : new IOException(e);
        }
    }

    private void empty() throws IOException {
        readAt = 0;
        writeAt = 0;
        chunkAt = -1;
        data.setLength(0);
    }

    String path() {
        return file.getPath();
    }

    /**
     * Closes the file, leaving in it only what was not read back, so that the copy kept aside at
     * the next start holds no event already delivered.
     */
    void close() {
        try {
            if (records > 0 && readAt > 0) {
                long from = readAt;
                long to = 0;
                while (from < writeAt) {
                    data.seek(from);
                    int read = data.read(chunk, 0, (int) Math.min(chunk.length, writeAt - from));
                    if (read <= 0) {
                        break;
                    }
                    data.seek(to);
                    data.write(chunk, 0, read);
                    from += read;
                    to += read;
                }
                data.setLength(to);
            }
            data.close();
        } catch (IOException ignored) {
            // Nothing left to do with it: the next start keeps it aside as it is.
        }
    }
}
