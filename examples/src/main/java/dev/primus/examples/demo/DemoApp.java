package dev.primus.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * A stand-in for a legacy service: it knows nothing of the agent. It logs, calls a "partner"
 * over a loopback socket, and stops. Run it with and without {@code -javaagent} to see what
 * the agent adds: a {@code [primus]} line on stderr and, with the embedded default config,
 * the audit trail on stdout. Each guard that lands shows up here.
 */
public final class DemoApp {
    private static final Logger LOG = Logger.getLogger("demo.orders");

    private DemoApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("demo: orders service starting");
        LOG.info("order 1042 placed by jane.doe@example.com with card 4111 1111 1111 1111");
        try (ServerSocket partner = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerOnce(partner), "demo-partner");
            server.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), partner.getLocalPort())) {
                socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
                byte[] reply = new byte[5];
                int read = socket.getInputStream().read(reply);
                System.out.println("demo: partner at 127.0.0.1:" + partner.getLocalPort() + " answered "
                        + new String(reply, 0, Math.max(read, 0), StandardCharsets.UTF_8).trim());
            }
            server.join();
        }
        System.out.println("demo: orders service done");
    }

    private static void answerOnce(ServerSocket partner) {
        try (Socket client = partner.accept()) {
            InputStream in = client.getInputStream();
            byte[] request = new byte[5];
            in.read(request);
            OutputStream out = client.getOutputStream();
            out.write("pong\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.out.println("demo: partner failed: " + e);
        }
    }
}
