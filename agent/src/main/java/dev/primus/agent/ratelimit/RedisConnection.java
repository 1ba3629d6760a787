package dev.primus.agent.ratelimit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket to Redis speaking RESP2: a command is an array of bulk strings, a reply is a simple
 * string ({@link String}), an error ({@link RedisError}), an integer ({@link Long}), a bulk string
 * ({@code byte[]}, or null) or an array ({@link List}). Written here rather than taken from a
 * client library because the limiter needs four commands and the agent jar's size is limited.
 *
 * <p>Not thread-safe: one caller at a time, which {@link RedisClient}'s pool ensures. After any
 * {@link IOException} the stream position is unknown, so the connection must be closed.
 */
final class RedisConnection implements Closeable {
    private static final byte[] CRLF = {'\r', '\n'};
    // Replies here are a few bytes; anything longer than this is not a Redis we speak to.
    private static final int MAX_REPLY_LENGTH = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RedisConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 512);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1024);
    }

    /**
     * Connects, logs in with the URL's userinfo and selects its database, each step bounded by
     * {@code timeoutMillis}. A host name is resolved here, outside that bound: an IP literal in
     * {@code redis_url} keeps a broken resolver off the request path.
     */
    static RedisConnection open(RedisEndpoint endpoint, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // a command is one small write; never wait to coalesce it
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            RedisConnection connection = new RedisConnection(socket);
            if (endpoint.password() != null) {
                Object reply = endpoint.user() == null ? connection.call("AUTH", endpoint.password())
                        : connection.call("AUTH", endpoint.user(), endpoint.password());
                expectOk(reply, "AUTH");
            }
            if (endpoint.db() != 0) {
                expectOk(connection.call("SELECT", Integer.toString(endpoint.db())), "SELECT " + endpoint.db());
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void expectOk(Object reply, String command) throws IOException {
        if (!"OK".equals(reply)) {
            // Redis's own error text (WRONGPASS ..., ERR DB index is out of range) names no secret.
            throw new IOException(command + " refused: " + reply);
        }
    }

    Object call(String... args) throws IOException {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return call(bytes);
    }

    /** Sends one command and reads its reply. */
    Object call(byte[]... args) throws IOException {
        out.write('*');
        writeNumber(args.length);
        for (byte[] arg : args) {
            out.write('$');
            writeNumber(arg.length);
            out.write(arg);
            out.write(CRLF);
        }
        out.flush();
        return read();
    }

    private void writeNumber(int n) throws IOException {
        out.write(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by Redis");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RedisError(line);
            case ':':
                return parseLong(line);
            case '$': {
                long length = parseLong(line);
                if (length < 0) {
                    return null;
                }
                checkLength(length);
                byte[] bulk = new byte[(int) length];
                readFully(bulk);
                if (in.read() != '\r' || in.read() != '\n') {
                    throw new IOException("malformed reply from Redis: bulk string not ended by CRLF");
                }
                return bulk;
            }
            case '*': {
                long count = parseLong(line);
                if (count < 0) {
                    return null;
                }
                checkLength(count);
                List<Object> items = new ArrayList<Object>((int) count);
                for (long i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("malformed reply from Redis: type byte " + type + " is not RESP2");
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by Redis in the middle of a reply");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("malformed reply from Redis: CR without LF");
                }
                return line.toString();
            }
            if (line.length() >= MAX_REPLY_LENGTH) {
                throw new IOException("malformed reply from Redis: line too long");
            }
            line.append((char) b); // RESP2 lines are ASCII, error texts too in practice
        }
    }

    private void readFully(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException("connection closed by Redis in the middle of a reply");
            }
            done += n;
        }
    }

    private static long parseLong(String line) throws IOException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException("malformed reply from Redis: expected a number");
        }
    }

    private static void checkLength(long length) throws IOException {
        if (length > MAX_REPLY_LENGTH) {
            throw new IOException("malformed reply from Redis: length " + length + " is too large");
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do about a socket that will not close.
        }
    }

    /** An error reply ({@code -NOSCRIPT ...}): Redis answered, and the connection stays usable. */
    static final class RedisError {
        private final String message;

        RedisError(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }

        boolean isNoScript() {
            return message.startsWith("NOSCRIPT");
        }

        @Override
        public String toString() {
            return message;
        }
    }
}
