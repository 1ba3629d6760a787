package dev.primus.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Servers on distinct 127.0.0.x addresses that count every connection and request they get. */
final class LoopbackServers implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** An HTTP server; {@link HttpCounter#hits()} counts requests. */
    HttpCounter http(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        HttpCounter counter = new HttpCounter(server);
        server.start();
        open.add(() -> server.stop(0));
        return counter;
    }

    /** A TCP server that accepts and closes; {@link TcpCounter#accepts()} counts connections. */
    TcpCounter tcp(String address) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(address));
        TcpCounter counter = new TcpCounter(server);
        Thread acceptor = new Thread(counter::acceptForever, "tcp-" + address);
        acceptor.setDaemon(true);
        acceptor.start();
        open.add(server);
        return counter;
    }

    /** A UDP server; {@link UdpCounter#packets()} counts datagrams received. */
    UdpCounter udp(String address) throws IOException {
        java.net.DatagramSocket server = new java.net.DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        UdpCounter counter = new UdpCounter(server);
        Thread receiver = new Thread(counter::receiveForever, "udp-" + address);
        receiver.setDaemon(true);
        receiver.start();
        open.add(server);
        return counter;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    static final class HttpCounter {
        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();

        HttpCounter(HttpServer server) {
            this.server = server;
        }

        /** Answers {@code body} on {@code path}; every request on the server counts. */
        HttpCounter answer(String path, int status, String body, String location) {
            server.createContext(path, exchange -> respond(exchange, status, body, location));
            return this;
        }

        private void respond(HttpExchange exchange, int status, String body, String location) throws IOException {
            hits.incrementAndGet();
            byte[] bytes = (body == null ? "" + exchange.getRequestURI() : body).getBytes(StandardCharsets.UTF_8);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        String base() {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
        }

        int hits() {
            return hits.get();
        }
    }

    static final class TcpCounter {
        private final ServerSocket server;
        private final AtomicInteger accepts = new AtomicInteger();

        TcpCounter(ServerSocket server) {
            this.server = server;
        }

        void acceptForever() {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    accepts.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int accepts() {
            return accepts.get();
        }
    }

    static final class UdpCounter {
        private final java.net.DatagramSocket server;
        private final AtomicInteger packets = new AtomicInteger();

        UdpCounter(java.net.DatagramSocket server) {
            this.server = server;
        }

        void receiveForever() {
            byte[] buffer = new byte[512];
            while (!server.isClosed()) {
                try {
                    server.receive(new java.net.DatagramPacket(buffer, buffer.length));
                    packets.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int packets() {
            return packets.get();
        }
    }
}
