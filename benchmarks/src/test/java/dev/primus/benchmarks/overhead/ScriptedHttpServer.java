package dev.primus.benchmarks.overhead;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server whose every answer a test writes byte for byte, so that the client
 * meets exactly the connection behaviour under test: closes, drops, chunks, stalls.
 */
final class ScriptedHttpServer implements AutoCloseable {
    /** One received request: its head as text and its body. */
    record Received(String head, byte[] body, int connection, int onConnection) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    /** What to do with one request: the bytes to answer (null: answer nothing) and whether to close after. */
    record Answer(byte[] bytes, boolean close) {
        static Answer ok(String body) {
            return text(200, body, "");
        }

        static Answer text(int status, String body, String extraHeaders) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Answer(("HTTP/1.1 " + status + " X\r\nContent-Length: " + bytes.length + "\r\n" + extraHeaders + "\r\n"
                    + body).getBytes(StandardCharsets.UTF_8), false);
        }
    }

    @FunctionalInterface
    interface Script {
        Answer answer(Received request) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ScriptedHttpServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::accept, "scripted-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    List<Received> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int number = connections.incrementAndGet();
                Thread thread = new Thread(() -> serve(socket, number), "scripted-http-" + number);
                thread.setDaemon(true);
                thread.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int onConnection = 1; ; onConnection++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                Received request = new Received(head, body, connection, onConnection);
                received.add(request);
                Answer answer = script.answer(request);
                if (answer.bytes() != null) {
                    out.write(answer.bytes());
                    out.flush();
                }
                if (answer.close()) {
                    return;
                }
            }
        } catch (Exception ended) {
            // The client went away, or the test closed the server.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
