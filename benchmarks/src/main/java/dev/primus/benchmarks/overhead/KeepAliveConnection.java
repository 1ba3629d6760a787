package dev.primus.benchmarks.overhead;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One persistent HTTP/1.1 connection, used by one thread at a time: writes a request's bytes as
 * they are, reads the answer's status and skips its body. Plain blocking socket I/O: a request
 * is one write and, usually, one read.
 */
final class KeepAliveConnection implements Closeable {
    /** Enough for the head of any ordinary response; longer header lines are refused, bodies are streamed past. */
    private static final int BUFFER_BYTES = 16 * 1024;

    /**
     * The connection was closed by the server before any byte of the answer, after it had
     * answered on it before: most likely it closed an idle connection as the request went out.
     * The request can be sent again on a new connection.
     */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(IOException cause) {
            super("connection closed by the server before answering", cause);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private int answered;
    private boolean reusable = true;

    private KeepAliveConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        this.reader = new ResponseReader(in, BUFFER_BYTES);
    }

    /** {@code readTimeoutMillis} bounds each read; the request's deadline bounds them together. */
    static KeepAliveConnection open(InetSocketAddress address, int connectTimeoutMillis, int readTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            // Requests are small and written whole: Nagle would only hold one back waiting for an ACK.
            socket.setTcpNoDelay(true);
            socket.connect(address, connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            return new KeepAliveConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code request} (HTTP/1.1 bytes) and returns the answer's status. */
    int exchange(byte[] request, boolean headRequest, long deadlineNanos) throws IOException {
        try {
            out.write(request);
            int status = reader.read(headRequest, deadlineNanos);
            answered++;
            reusable = !reader.closeAfter();
            return status;
        } catch (IOException e) {
            reusable = false;
            if (answered > 0 && !reader.started() && !(e instanceof SocketTimeoutException)) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
    }

    /** False once the server said it closes the connection, or an exchange failed: open a new one. */
    boolean reusable() {
        return reusable && !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }
}
