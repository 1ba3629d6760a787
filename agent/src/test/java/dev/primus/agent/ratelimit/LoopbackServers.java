package dev.primus.agent.ratelimit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Stand-ins on 127.0.0.1 for a Redis that is gone, silent, or recorded. */
final class LoopbackServers {
    private LoopbackServers() {
    }

    /** A loopback port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Base: accepts connections on a thread, closes everything on {@link #close()}. */
    abstract static class Server implements AutoCloseable {
        private ServerSocket server;
        private Thread acceptor;
        private volatile boolean stopped;
        private int port;
        final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        /** Listens on a fresh port, or again on the same one after {@link #close()}. */
        final Server start() throws IOException {
            stopped = false;
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = server.getLocalPort();
            ServerSocket listening = server;
            acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket socket = listening.accept();
                        if (stopped) {
                            // close() races a blocked accept(): the listener may take one more.
                            socket.close();
                            return;
                        }
                        accepted.incrementAndGet();
                        sockets.add(socket);
                        Thread handler = new Thread(() -> handle(socket), "test-redis-connection");
                        handler.setDaemon(true);
                        handler.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "test-redis-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return this;
        }

        final int port() {
            return port;
        }

        final String url() {
            return "redis://127.0.0.1:" + port;
        }

        final void track(Socket socket) {
            sockets.add(socket);
        }

        abstract void handle(Socket socket);

        /** Stops listening and drops every connection; returns once the port is free again. */
        @Override
        public void close() throws IOException {
            stopped = true;
            server.close();
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
        }
    }

    /** Accepts and never answers: a Redis that hangs. */
    static final class SilentServer extends Server {
        @Override
        void handle(Socket socket) {
        }
    }

    /** Forwards to the real Redis; close and start again for an outage and its end. */
    static final class Proxy extends Server {
        @Override
        void handle(Socket client) {
            try {
                Socket redis = new Socket(RealRedis.HOST, RealRedis.PORT);
                track(redis);
                pump(client, redis);
                pump(redis, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException ignored) {
                    // One side closed.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "test-redis-proxy");
            pump.setDaemon(true);
            pump.start();
        }
    }

    /** Records each command and answers like a Redis whose every script run allows. */
    static final class RecordingServer extends Server {
        final List<List<String>> commands = new CopyOnWriteArrayList<>();

        @Override
        void handle(Socket socket) {
            try {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    List<String> command = readCommand(in);
                    if (command == null) {
                        return;
                    }
                    commands.add(command);
                    String name = command.get(0);
                    String reply = name.equals("EVALSHA") || name.equals("EVAL") ? "*2\r\n:1\r\n:0\r\n" : "+OK\r\n";
                    out.write(reply.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }

        /** The command names in order, with the arguments of AUTH and SELECT. */
        List<String> handshake() {
            List<String> seen = new ArrayList<>();
            for (List<String> command : commands) {
                seen.add(command.get(0).equals("AUTH") || command.get(0).equals("SELECT") ? String.join(" ", command)
                        : command.get(0));
            }
            return seen;
        }

        static List<String> readCommand(InputStream in) throws IOException {
            String header = line(in);
            if (header == null) {
                return null;
            }
            int count = Integer.parseInt(header.substring(1));
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = Integer.parseInt(line(in).substring(1));
                byte[] arg = in.readNBytes(length);
                in.readNBytes(2);
                args.add(new String(arg, StandardCharsets.UTF_8));
            }
            return args;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\r') {
                if (b < 0) {
                    return null;
                }
                line.append((char) b);
            }
            in.read();
            return line.toString();
        }
    }

    /**
     * A sentinel that names whatever {@link #master} says, for the cases a real one reaches only
     * slowly: naming a replica, or a new master while the old one still runs.
     */
    static final class FakeSentinel extends Server {
        volatile String master;

        @Override
        void handle(Socket socket) {
            try {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    List<String> command = RecordingServer.readCommand(in);
                    if (command == null) {
                        return;
                    }
                    String reply;
                    if (command.get(0).equals("AUTH")) {
                        reply = "-ERR AUTH <password> called without any password configured for the default user\r\n";
                    } else if (command.size() == 3 && command.get(1).equals("get-master-addr-by-name")) {
                        String host = master.substring(0, master.lastIndexOf(':'));
                        String port = master.substring(master.lastIndexOf(':') + 1);
                        reply = "*2\r\n$" + host.length() + "\r\n" + host + "\r\n$" + port.length() + "\r\n" + port + "\r\n";
                    } else {
                        reply = "-ERR unknown command\r\n";
                    }
                    out.write(reply.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing for the test's tidiness only.
        }
    }
}
