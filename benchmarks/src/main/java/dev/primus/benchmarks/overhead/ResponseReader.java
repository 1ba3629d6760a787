package dev.primus.benchmarks.overhead;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses, one after another, from a connection's input: the status, whether
 * the server will close the connection after it, and past the body (Content-Length, chunked, or
 * up to the end of the connection) without copying it out. Parses in place in one buffer, which
 * it keeps from response to response, so a response costs no allocation: the generator must
 * stay cheaper than the app it loads.
 */
final class ResponseReader {
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final InputStream in;
    /** Also the longest header line, chunk-size line or status line taken. */
    private final byte[] buffer;
    private int position;
    private int limit;
    /** Where {@link #nextLine} found the last line: [lineStart, lineEnd), without its line end. */
    private int lineStart;
    private int lineEnd;
    private long deadlineNanos;
    private boolean started;
    private boolean closeAfter;
    /** What the last head said of its body: a length (-1 when none), chunks, or up to the end of the connection. */
    private long contentLength;
    private boolean chunked;
    private boolean delimitedByClose;

    ResponseReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /**
     * Reads the next response and returns its status; 1xx interim responses (100 Continue, 103
     * Early Hints) are skipped. {@code headRequest}: the answer has no body whatever it says.
     * Throws {@link SocketTimeoutException} once {@code deadlineNanos} (of {@link System#nanoTime})
     * has passed between two reads; the caller's socket timeout bounds each read.
     */
    int read(boolean headRequest, long deadlineNanos) throws IOException {
        this.deadlineNanos = deadlineNanos;
        started = position < limit;
        closeAfter = false;
        while (true) {
            int status = readHead();
            if (status >= 200 || status == 101) {
                if (status == 101) {
                    // Switched protocols: what follows is not HTTP/1.1 any more.
                    closeAfter = true;
                } else if (!headRequest && status != 204 && status != 304) {
                    readBody();
                }
                return status;
            }
        }
    }

    /** Whether the server said, or showed, that it closes the connection after the last response. */
    boolean closeAfter() {
        return closeAfter;
    }

    /** Whether any byte of the last response arrived: a failure before that may be a connection the server had already closed. */
    boolean started() {
        return started;
    }

    /** The status line and headers; leaves what they say of the body in the three fields above. */
    private int readHead() throws IOException {
        nextLine();
        int length = lineEnd - lineStart;
        if (length < 12 || !startsWith(lineStart, "HTTP/1.") || buffer[lineStart + 8] != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line: " + text(lineStart, Math.min(lineEnd, lineStart + 40)));
        }
        boolean http10 = buffer[lineStart + 7] == '0';
        int status = 0;
        for (int i = lineStart + 9; i < lineStart + 12; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("no three-digit status in " + text(lineStart, lineEnd));
            }
            status = status * 10 + digit;
        }
        contentLength = -1;
        chunked = false;
        delimitedByClose = false;
        boolean transferEncoded = false;
        boolean keepAlive = false;
        while (true) {
            nextLine();
            if (lineStart == lineEnd) {
                break;
            }
            int colon = indexOf((byte) ':', lineStart, lineEnd);
            if (colon < 0) {
                throw new ProtocolException("header line without ':': " + text(lineStart, lineEnd));
            }
            int valueStart = skipSpaces(colon + 1, lineEnd);
            int valueEnd = trimSpaces(valueStart, lineEnd);
            if (nameIs(CONTENT_LENGTH, lineStart, colon)) {
                contentLength = parseLength(valueStart, valueEnd);
            } else if (nameIs(TRANSFER_ENCODING, lineStart, colon)) {
                transferEncoded = true;
                // chunked is the last coding when it is there at all.
                chunked = valueEnd - valueStart >= CHUNKED.length && equalsIgnoringCase(CHUNKED, valueEnd - CHUNKED.length, valueEnd);
            } else if (nameIs(CONNECTION, lineStart, colon)) {
                closeAfter |= hasToken(CLOSE, valueStart, valueEnd);
                keepAlive |= hasToken(KEEP_ALIVE, valueStart, valueEnd);
            }
        }
        if (transferEncoded && !chunked) {
            delimitedByClose = true;
        } else if (!chunked && contentLength < 0) {
            // Neither length nor chunks: the body runs to the end of the connection.
            delimitedByClose = true;
        }
        if (http10 && !keepAlive) {
            closeAfter = true;
        }
        return status;
    }

    private void readBody() throws IOException {
        if (chunked) {
            readChunks();
        } else if (delimitedByClose) {
            closeAfter = true;
            position = limit;
            while (fillOrEnd()) {
                position = limit;
            }
        } else {
            skip(contentLength);
        }
    }

    private void readChunks() throws IOException {
        while (true) {
            nextLine();
            long size = 0;
            int i = lineStart;
            for (; i < lineEnd; i++) {
                int digit = Character.digit(buffer[i], 16);
                if (digit < 0) {
                    break;
                }
                size = size * 16 + digit;
                if (size > Integer.MAX_VALUE) {
                    throw new ProtocolException("chunk size too large: " + text(lineStart, lineEnd));
                }
            }
            if (i == lineStart) {
                throw new ProtocolException("no chunk size in " + text(lineStart, lineEnd));
            }
            if (size == 0) {
                // Trailers, if any, up to the empty line that ends the message.
                do {
                    nextLine();
                } while (lineStart != lineEnd);
                return;
            }
            skip(size);
            nextLine();
            if (lineStart != lineEnd) {
                throw new ProtocolException("chunk data longer than its size");
            }
        }
    }

    /** Consumes {@code count} bytes of body, reading over the buffer without keeping them. */
    private void skip(long count) throws IOException {
        long left = count;
        while (true) {
            int taken = (int) Math.min(left, limit - position);
            position += taken;
            left -= taken;
            if (left == 0) {
                return;
            }
            position = 0;
            limit = 0;
            fill();
        }
    }

    /** Finds the next line end (CRLF, or a bare LF), reading more when needed, and moves past it. */
    private void nextLine() throws IOException {
        int searchFrom = position;
        while (true) {
            int lf = indexOf((byte) '\n', searchFrom, limit);
            if (lf >= 0) {
                lineStart = position;
                lineEnd = lf > position && buffer[lf - 1] == '\r' ? lf - 1 : lf;
                position = lf + 1;
                return;
            }
            searchFrom = limit;
            if (position > 0) {
                // Move the partial line to the front, so the buffer's whole length is there for it.
                int partial = limit - position;
                System.arraycopy(buffer, position, buffer, 0, partial);
                searchFrom -= position;
                position = 0;
                limit = partial;
            }
            if (limit == buffer.length) {
                throw new ProtocolException("a status, header or chunk-size line longer than " + buffer.length + " bytes");
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (!fillOrEnd()) {
            throw new EOFException(started ? "connection closed in the middle of a response" : "connection closed before a response");
        }
    }

    /** Reads what has arrived after {@code limit}; false at the end of the connection. */
    private boolean fillOrEnd() throws IOException {
        if (limit == buffer.length) {
            position = 0;
            limit = 0;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        started = true;
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new SocketTimeoutException("the response took longer than its deadline");
        }
        return true;
    }

    private long parseLength(int from, int to) throws ProtocolException {
        if (from == to) {
            throw new ProtocolException("empty Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9 || value > Long.MAX_VALUE / 10) {
                throw new ProtocolException("Content-Length is not a length: " + text(from, to));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private boolean nameIs(byte[] lowerCaseName, int from, int to) {
        return to - from == lowerCaseName.length && equalsIgnoringCase(lowerCaseName, from, to);
    }

    private boolean equalsIgnoringCase(byte[] lowerCase, int from, int to) {
        for (int i = 0; i < lowerCase.length; i++) {
            int b = buffer[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    /** A comma-separated list such as {@code keep-alive, Upgrade}, compared token by token. */
    private boolean hasToken(byte[] lowerCaseToken, int from, int to) {
        int start = from;
        while (start < to) {
            int comma = indexOf((byte) ',', start, to);
            int end = comma < 0 ? to : comma;
            int tokenStart = skipSpaces(start, end);
            int tokenEnd = trimSpaces(tokenStart, end);
            if (tokenEnd - tokenStart == lowerCaseToken.length && equalsIgnoringCase(lowerCaseToken, tokenStart, tokenEnd)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int to) {
        while (from < to && (buffer[from] == ' ' || buffer[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimSpaces(int from, int to) {
        while (to > from && (buffer[to - 1] == ' ' || buffer[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private boolean startsWith(int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** For error messages only. */
    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
