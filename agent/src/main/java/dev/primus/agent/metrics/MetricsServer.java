package dev.primus.agent.metrics;

import dev.primus.bootstrap.AgentFailures;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} on the agent's own daemon thread, {@code primus-metrics}, never through the
 * app's server. A plain {@link ServerSocket} and a minimal HTTP/1.1: the JDK's
 * {@code com.sun.net.httpserver} is missing from some jlink'd runtimes and calls
 * {@code System.getLogger}, which would reach the app's logging from the agent.
 *
 * <p>One client at a time, each bounded: the request head must arrive within {@link
 * #READ_TIMEOUT_MILLIS} and {@link #MAX_HEAD_BYTES}, the answer closes the connection, and nothing
 * that goes wrong with one request ends the thread. Other paths are 404, other methods 405. What
 * is not bounded: a client that stops reading the answer can hold the thread until TCP gives up,
 * once the answer outgrows the kernel's socket buffers (hundreds of KB on Linux; the catalogue's
 * bounded series write far less). Bind to loopback (the default) or a network only Prometheus reaches.
 */
public final class MetricsServer implements Closeable {
    public static final String THREAD_NAME = "primus-metrics";
    static final int READ_TIMEOUT_MILLIS = 3_000;
    static final int MAX_HEAD_BYTES = 8_192;

    private final MetricRegistry registry;
    private final String bindAddress;
    private final int port;
    private final int readTimeoutMillis;
    private volatile ServerSocket server;
    /** The client being served, closed by {@link #close} so that it stops at once. */
    private volatile Socket client;
    private volatile boolean closed;
    private Thread thread;

    /** {@code port} 0 picks a free port; {@link #start} says which. */
    public MetricsServer(MetricRegistry registry, String bindAddress, int port) {
        this(registry, bindAddress, port, READ_TIMEOUT_MILLIS);
    }

    MetricsServer(MetricRegistry registry, String bindAddress, int port, int readTimeoutMillis) {
        this.registry = registry;
        this.bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * Binds and starts the thread; returns the port bound. A failure to bind is an {@link
     * IOException} whose message names the address, for the caller to log: the agent goes on without
     * an endpoint, and the app is never stopped for it.
     */
    public synchronized int start() throws IOException {
        if (server != null || closed) {
            throw new IllegalStateException("the metrics server on " + bindAddress + ":" + port + (closed ? " is closed" : " was started already"));
        }
        ServerSocket bound = new ServerSocket();
        try {
            bound.setReuseAddress(true);
            bound.bind(new InetSocketAddress(bindAddress, port), 16);
        } catch (IOException | RuntimeException failure) {
            bound.close();
            throw new IOException("cannot serve metrics on " + bindAddress + ":" + port + " (" + failure.getMessage()
                    + "); set metrics.prometheus.port to a free port and metrics.prometheus.bind to an address of this host", failure);
        }
        server = bound;
        thread = new Thread(new Runnable() {
            @Override
            public void run() {
                serve();
            }
        }, THREAD_NAME);
        thread.setDaemon(true);
        // Started from premain or a guard's thread: holding an app's class loader would pin it.
        thread.setContextClassLoader(MetricsServer.class.getClassLoader());
        thread.start();
        return bound.getLocalPort();
    }

    /** The port bound, or -1 before {@link #start}. */
    public int port() {
        ServerSocket bound = server;
        return bound == null ? -1 : bound.getLocalPort();
    }

    /** Stops the thread and frees the port; the port is free when this returns. */
    @Override
    public void close() {
        Thread serving;
        synchronized (this) {
            closed = true;
            serving = thread;
        }
        closeQuietly(server);
        closeQuietly(client);
        if (serving != null && serving != Thread.currentThread()) {
            try {
                serving.join(readTimeoutMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve() {
        ServerSocket listening = server;
        while (!closed) {
            Socket accepted;
            try {
                accepted = listening.accept();
            } catch (IOException | RuntimeException failure) {
                if (closed) {
                    return;
                }
                // Out of file descriptors, say: wait a little rather than spin on the error.
                AgentFailures.record("metrics server accept", failure);
                pause();
                continue;
            }
            client = accepted;
            try {
                if (answer(accepted)) {
                    drain(accepted);
                }
            } catch (IOException clientGoneOrSilent) {
                // The client's doing (a timeout, a reset): nothing to record.
            } catch (Throwable failure) {
                AgentFailures.record("metrics server", failure);
            } finally {
                client = null;
                closeQuietly(accepted);
            }
        }
    }

    /** Whether an answer was written; not for a client that sent nothing, or too slowly. */
    private boolean answer(Socket accepted) throws IOException {
        RequestHead head;
        try {
            head = RequestHead.read(accepted, MAX_HEAD_BYTES, readTimeoutMillis);
        } catch (SocketTimeoutException silent) {
            return false;
        }
        OutputStream out = accepted.getOutputStream();
        switch (head.problem) {
            case CLOSED:
                return false;
            case TOO_LARGE:
                respond(out, "431 Request Header Fields Too Large", null, "request head over " + MAX_HEAD_BYTES + " bytes\n");
                return true;
            case MALFORMED:
                respond(out, "400 Bad Request", null, "not an HTTP/1.1 request\n");
                return true;
            default:
                break;
        }
        if (!"/metrics".equals(head.path)) {
            respond(out, "404 Not Found", null, "only /metrics is served here\n");
        } else if (!"GET".equals(head.method)) {
            respond(out, "405 Method Not Allowed", "Allow: GET\r\n", "only GET /metrics is served here\n");
        } else {
            ExpositionFormat format = ExpositionFormat.forAccept(head.accept);
            byte[] body = format.write(registry.scrape()).getBytes(StandardCharsets.UTF_8);
            write(out, "200 OK", format.contentType(), null, body);
        }
        return true;
    }

    /**
     * Reads what the client still sends (a request body, say) until it closes, within a bound: closing
     * a socket with unread input sends a reset, which can discard the answer before the client reads it.
     */
    private void drain(Socket accepted) throws IOException {
        accepted.shutdownOutput();
        accepted.setSoTimeout(Math.min(readTimeoutMillis, 1_000));
        byte[] discard = new byte[4096];
        InputStream in = accepted.getInputStream();
        for (int total = 0; total < 64 * 1024; ) {
            int read = in.read(discard);
            if (read < 0) {
                return;
            }
            total += read;
        }
    }

    private static void respond(OutputStream out, String status, String extraHeaders, String message) throws IOException {
        write(out, status, "text/plain; charset=utf-8", extraHeaders, message.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, String status, String contentType, String extraHeaders, byte[] body)
            throws IOException {
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n" + (extraHeaders == null ? "" : extraHeaders) + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        out.write(response);
        out.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do.
            }
        }
    }
}
