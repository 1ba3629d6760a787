package dev.primus.it.apps.hostile;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A DNS server of the test's own, for a network namespace whose {@code /etc/resolv.conf} names
 * it: appends the name of every query it receives to a log file, one per line, and answers each
 * with NXDOMAIN. The log file appears once the server listens. It ends by itself when the process
 * that started it does, so that nothing outlives the test.
 *
 * <p>{@code LoggingDnsServer ADDRESS PORT LOG_FILE}
 */
public final class LoggingDnsServer {
    private LoggingDnsServer() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Thread watchdog = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0);
        }, "parent-watch");
        watchdog.setDaemon(true);
        watchdog.start();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(args[0]),
                Integer.parseInt(args[1]))); OutputStream log = new FileOutputStream(args[2], true)) {
            byte[] buffer = new byte[4096];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                log.write((questionName(buffer, packet.getLength()) + "\n").getBytes(StandardCharsets.UTF_8));
                log.flush();
                if (packet.getLength() >= 12) {
                    byte[] answer = java.util.Arrays.copyOf(buffer, packet.getLength());
                    answer[2] = (byte) (answer[2] | 0x80); // a response
                    answer[3] = (byte) ((answer[3] & 0xF0) | 3); // NXDOMAIN
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            }
        }
    }

    /** The first question's name, labels joined by dots; what could be read of it when malformed. */
    private static String questionName(byte[] data, int length) {
        StringBuilder name = new StringBuilder();
        for (int at = 12; at < length && data[at] != 0; ) {
            int label = data[at++] & 0xFF;
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(data, at, Math.min(label, length - at), StandardCharsets.ISO_8859_1));
            at += label;
        }
        return name.length() == 0 ? "(no name)" : name.toString();
    }

}
