package dev.primus.agent.audit;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends events as JSON lines to a file, rotating it past {@code max_size} into
 * {@code FILE.1} ... {@code FILE.N}. With a hash chain, the chain continues across rotations
 * and restarts: the first line written picks up the hash of the last line already there.
 * A path that is there and is no regular file ({@code /dev/null}, {@code /dev/stdout}, a named
 * pipe) is written to and never rotated: a service auditing more than max_size to one would
 * otherwise rename the device (or {@code /dev/stdout}'s link) and leave a regular file in its
 * place, into which everything written to that path then goes. Uses {@code java.io} only, as
 * everything the agent runs before the app's start-up.
 */
final class FileSink implements AuditSink {
    private static final Pattern LAST_HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"}\\s*$");

    private final File file;
    private final long maxSize;
    private final int maxFiles;
    private final boolean chained;
    /** The chain's HMAC key, or null for SHA-256. */
    private final byte[] key;
    private final int headEvery;
    private HashChain chain;
    /** A batch's lines as written, reused: the writer thread is the only caller. */
    private final LineBytes pending = new LineBytes(256 * 1024);
    private int linesSinceHead;
    private long lastSeq;
    private OutputStream out;
    private long size;
    /** Whether the file is one this sink may rename: a regular file, or none yet. */
    private boolean rotates;

    FileSink(File file, long maxSize, int maxFiles, boolean chained) {
        this(file, maxSize, maxFiles, chained, null, 0);
    }

    /** A chained file sink keyed with {@code key} (null: SHA-256), naming its head every {@code headEvery} lines. */
    FileSink(File file, long maxSize, int maxFiles, boolean chained, byte[] key, int headEvery) {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        this.chained = chained;
        this.key = key == null ? null : key.clone();
        this.headEvery = headEvery;
    }

    @Override
    public String name() {
        return "file:" + file.getPath();
    }

    @Override
    public void write(List<String> openLines, long firstSeq) throws IOException {
        try {
            writeOrFail(openLines, firstSeq);
        } catch (IOException | RuntimeException failure) {
            // The file is the truth: drop the stream and the chain state, and pick both up from
            // the file again on the next batch, so a failed write never leaves the chain pointing
            // at lines that are not there.
            abandon();
            throw failure;
        }
    }

    @Override
    public String unwritable() {
        try {
            if (out == null) {
                open();
                // Opened only to see that it can be: the first batch opens it for good.
                abandon();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /**
     * A {@code chain_head} event naming the hash of the last line written, when {@code headEvery}
     * lines have been written since the last (or, with {@code now}, any line): sent to the remote
     * sinks, it shows later whether this file's tail was cut. Null otherwise, and for an unkeyed
     * or unchained file, whose head anyone could forge anyway.
     */
    @Override
    public AuditEvent chainHead(boolean now) {
        if (key == null || chain == null || linesSinceHead == 0 || !now && linesSinceHead < headEvery) {
            return null;
        }
        linesSinceHead = 0;
        return AuditEvent.of("audit", "allowed")
                .rule("audit.sinks.hash_chain")
                .reason("chain_head")
                .detail("file", file.getPath())
                .detail("seq", Long.toString(lastSeq))
                .detail("hash", chain.head())
                .detail("key_id", chain.keyId())
                .build();
    }

    private void writeOrFail(List<String> openLines, long firstSeq) throws IOException {
        if (out == null) {
            open();
        }
        pending.clear();
        for (String openLine : openLines) {
            int start = pending.size();
            pending.append(openLine);
            if (chained) {
                chain.link(pending, start);
            } else {
                pending.append('}');
            }
            pending.append('\n');
            if (rotates && size + start > 0 && size + pending.size() > maxSize) {
                // This line would take the file past max_size: what came before it ends this file.
                pending.writeHead(out, start);
                rotate();
            }
        }
        int written = pending.size();
        pending.writeHead(out, written);
        out.flush();
        size += written;
        linesSinceHead += openLines.size();
        lastSeq = firstSeq + openLines.size() - 1;
    }

    private void open() throws IOException {
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
            throw new IOException("cannot create the folder " + parent + " for the audit file");
        }
        if (chained && chain == null) {
            chain = new HashChain(lastHash(file), key);
        }
        rotates = !file.exists() || file.isFile();
        out = new FileOutputStream(file, true);
        size = file.length();
        if (rotates && size > 0 && !endsWithNewline(file)) {
            // A line cut short by a crash stays as it is (verify-audit will name it); ours start on a line of their own.
            out.write('\n');
            size++;
        }
    }

    private static boolean endsWithNewline(File file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    private void abandon() {
        chain = null;
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already failing; the next batch reopens the file.
            }
            out = null;
        }
    }

    private void rotate() throws IOException {
        out.close();
        new File(file.getPath() + "." + maxFiles).delete();
        for (int i = maxFiles - 1; i >= 1; i--) {
            File older = new File(file.getPath() + "." + i);
            if (older.exists() && !older.renameTo(new File(file.getPath() + "." + (i + 1)))) {
                throw new IOException("cannot rotate " + older);
            }
        }
        if (maxFiles >= 1 && !file.renameTo(new File(file.getPath() + ".1"))) {
            throw new IOException("cannot rotate " + file);
        }
        out = new FileOutputStream(file, true);
        size = 0;
    }

    /** The hash of the file's last line, or the genesis value for a new or unchained file. */
    static String lastHash(File file) throws IOException {
        if (!file.isFile() || file.length() == 0) {
            return HashChain.GENESIS;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            long length = raf.length();
            int tail = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).trim();
            String last = text.substring(text.lastIndexOf('\n') + 1);
            Matcher matcher = LAST_HASH.matcher(last);
            return matcher.find() ? matcher.group(1) : HashChain.GENESIS;
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
