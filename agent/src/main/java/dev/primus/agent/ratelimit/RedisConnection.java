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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One socket to Redis speaking RESP2: a command is an array of bulk strings, a reply is a simple
 * string ({@link String}), an error ({@link RedisError}), an integer ({@link Long}), a bulk string
 * ({@code byte[]}, or null) or an array ({@link List}). Written here rather than taken from a
 * client library (Jedis, Lettuce) because the limiter needs a handful of commands and the agent
 * jar's size is limited; TLS is the JDK's own {@link SSLSocket}.
 *
 * <p>Not thread-safe: one caller at a time, which {@link RedisNode}'s pool ensures. After any
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
     * Connects and, with {@code tls}, completes the TLS handshake, verifying that the server's
     * certificate names {@code address}'s host as HTTPS does; each read waits at most
     * {@code timeoutMillis}. A host name is resolved here, outside that bound: an IP literal in
     * {@code redis_url} keeps a broken resolver off the request path. Nothing is sent yet:
     * {@link RedisConnector} logs in.
     *
     * @param tls null for plain TCP
     */
    static RedisConnection open(RedisAddress address, SSLSocketFactory tls, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // a command is one small write; never wait to coalesce it
            socket.connect(new InetSocketAddress(address.host(), address.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (tls != null) {
                socket = handshake(tls, socket, address);
            }
            return new RedisConnection(socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static Socket handshake(SSLSocketFactory tls, Socket plain, RedisAddress address) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, address.host(), address.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        // Without this, a certificate the CA signed for any host would do, a stolen one included.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake(); // each read bounded by the timeout set on the plain socket
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new IOException("TLS handshake with " + address + " failed (" + e.getMessage() + "); the server's "
                    + "certificate must be signed by a CA in redis_ca_file (without it, in the JVM's trust store) and "
                    + "name the host or IP the client connects to", e);
        }
        return socket;
    }

    /** For a failure message: the cause without a stack, and what a timeout means. */
    static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer within the timeout (" + e.getMessage() + ")";
        }
        // Our own messages (AUTH refused: ..., TLS handshake with ... failed) say it all; a JDK
        // exception's class is part of what it says (ConnectException: Connection refused).
        return e.getClass() == IOException.class ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
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

        /** {@code MOVED SLOT HOST:PORT}: the slot has moved for good; ask there, and read the map again. */
        boolean isMoved() {
            return message.startsWith("MOVED ");
        }

        /** {@code ASK SLOT HOST:PORT}: the slot is migrating and the key may be there; ask there once, after ASKING. */
        boolean isAsk() {
            return message.startsWith("ASK ");
        }

        /** A replica refused a write: this server is no longer the master. */
        boolean isReadOnly() {
            return message.startsWith("READONLY") || message.contains("-READONLY");
        }

        /** Where a {@code MOVED} or {@code ASK} sends the command, or null when Redis does not say. */
        RedisAddress redirectTarget() {
            int space = message.lastIndexOf(' ');
            return space < 0 ? null : RedisAddress.fromReply(message.substring(space + 1));
        }

        @Override
        public String toString() {
            return message;
        }
    }
}
