package dev.primus.agent.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A batch of lines as the UTF-8 bytes a file receives, in one array reused from batch to batch,
 * so that a line is encoded once and a hash chain digests the very bytes that are written. The
 * writer thread is its only user.
 */
final class LineBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Past this, a batch of unusually long lines gives its array back rather than keep it for good. */
    private static final int KEPT_CAPACITY = 1 << 20;

    private final int capacity;
    private byte[] bytes;
    private int size;

    LineBytes(int capacity) {
        this.capacity = capacity;
        this.bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /** Appends {@code text} as UTF-8, as {@link String#getBytes} encodes it (a lone surrogate becomes '?'). */
    LineBytes append(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return this;
    }

    /** Appends bytes that are already text: ASCII field names, a hash in hex. */
    LineBytes append(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, size, ascii.length);
        size += ascii.length;
        return this;
    }

    LineBytes append(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    /** Appends {@code digest} as lowercase hex. */
    LineBytes appendHex(byte[] digest) {
        ensure(digest.length * 2);
        for (byte b : digest) {
            bytes[size++] = HEX[(b >> 4) & 0xF];
            bytes[size++] = HEX[b & 0xF];
        }
        return this;
    }

    /** Drops the last {@code n} bytes. */
    void shrink(int n) {
        size -= n;
    }

    /** Writes bytes {@code [0, end)} and keeps only what follows them. */
    void writeHead(OutputStream out, int end) throws IOException {
        out.write(bytes, 0, end);
        System.arraycopy(bytes, end, bytes, 0, size - end);
        size -= end;
    }

    void clear() {
        size = 0;
        if (bytes.length > KEPT_CAPACITY) {
            bytes = new byte[capacity];
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
