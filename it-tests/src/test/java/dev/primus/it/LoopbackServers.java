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

    /** A loopback port free now, for a server the app under test opens itself (the agent's metrics). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
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

    /** A DNS server answering A queries for the names of {@code answers} (name to IPv4 address), NXDOMAIN to the rest. */
    DnsAnswerer dns(String address, java.util.Map<String, String> answers) throws IOException {
        java.net.DatagramSocket server = new java.net.DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        DnsAnswerer answerer = new DnsAnswerer(server, answers);
        Thread receiver = new Thread(answerer::answerForever, "dns-" + address);
        receiver.setDaemon(true);
        receiver.start();
        open.add(server);
        return answerer;
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

    /**
     * Answers each query from its own table, as a recursive resolver would: one A record for a
     * name it holds, NXDOMAIN otherwise. Only what a stub resolver sends is read: one question.
     */
    static final class DnsAnswerer {
        private final java.net.DatagramSocket server;
        private final java.util.Map<String, String> answers;
        private final List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();

        DnsAnswerer(java.net.DatagramSocket server, java.util.Map<String, String> answers) {
            this.server = server;
            this.answers = answers;
        }

        void answerForever() {
            byte[] buffer = new byte[512];
            while (!server.isClosed()) {
                try {
                    java.net.DatagramPacket query = new java.net.DatagramPacket(buffer, buffer.length);
                    server.receive(query);
                    byte[] answer = answer(java.util.Arrays.copyOf(buffer, query.getLength()));
                    if (answer != null) {
                        server.send(new java.net.DatagramPacket(answer, answer.length, query.getSocketAddress()));
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** The response to one query, or null for a packet too short to be one. */
        private byte[] answer(byte[] query) throws IOException {
            if (query.length < 17) {
                return null;
            }
            StringBuilder name = new StringBuilder();
            int at = 12;
            while (at < query.length && query[at] != 0) {
                int length = query[at] & 0xFF;
                name.append(name.length() == 0 ? "" : ".").append(new String(query, at + 1, length, StandardCharsets.US_ASCII));
                at += length + 1;
            }
            int questionEnd = at + 5; // the name's last zero byte, then type and class
            String question = name.toString().toLowerCase(java.util.Locale.ROOT);
            questions.add(question);
            boolean typeA = query[at + 1] == 0 && query[at + 2] == 1;
            String address = answers.get(question);
            java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
            response.write(query, 0, 2); // the query's id
            response.write(0x81); // a response, recursion desired
            response.write(address == null ? 0x83 : 0x80); // recursion available; NXDOMAIN or no error
            response.write(new byte[] {0, 1, 0, (byte) (address != null && typeA ? 1 : 0), 0, 0, 0, 0});
            response.write(query, 12, questionEnd - 12);
            if (address != null && typeA) {
                // A pointer to the question's name, type A, class IN, a TTL of 60 s, four bytes of address.
                response.write(new byte[] {(byte) 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4});
                response.write(InetAddress.getByName(address).getAddress());
            }
            return response.toByteArray();
        }

        int port() {
            return server.getLocalPort();
        }

        /** The names asked about, in order. */
        List<String> questions() {
            return List.copyOf(questions);
        }
    }
}
