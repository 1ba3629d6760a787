package dev.primus.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request line and the {@code Accept} header of one HTTP/1.1 request, read within a size and
 * a time bound: the metrics thread serves one client at a time, so no client may hold it longer
 * than {@code timeoutMillis} or make it buffer more than {@code maxBytes}. The body, if any, is
 * never read: {@code GET /metrics} has none, and the connection is closed after the answer.
 */
final class RequestHead {
    /** Why a head could not be read; each becomes one status code or a silent close. */
    enum Problem {
        NONE, TOO_LARGE, MALFORMED, CLOSED
    }

    final Problem problem;
    final String method;
    final String path;
    final String accept;

    private RequestHead(Problem problem, String method, String path, String accept) {
        this.problem = problem;
        this.method = method;
        this.path = path;
        this.accept = accept;
    }

    /** Throws {@link SocketTimeoutException} when the head is not complete within {@code timeoutMillis}. */
    static RequestHead read(Socket client, int maxBytes, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        InputStream in = client.getInputStream();
        byte[] head = new byte[maxBytes];
        int length = 0;
        while (true) {
            int end = endOfHead(head, length);
            if (end >= 0) {
                return parse(new String(head, 0, end, StandardCharsets.ISO_8859_1));
            }
            if (length == maxBytes) {
                return new RequestHead(Problem.TOO_LARGE, null, null, null);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                // A client that sends a byte now and then must not hold the thread either.
                throw new SocketTimeoutException("request head not complete within " + timeoutMillis + " ms");
            }
            client.setSoTimeout((int) left);
            int read = in.read(head, length, maxBytes - length);
            if (read < 0) {
                return new RequestHead(length == 0 ? Problem.CLOSED : Problem.MALFORMED, null, null, null);
            }
            length += read;
        }
    }

    /** Where the blank line ends the head (CRLF CRLF, or bare LF LF as RFC 9112 tolerates), or -1. */
    private static int endOfHead(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' && ((i >= 1 && bytes[i - 1] == '\n') || (i >= 3 && bytes[i - 1] == '\r'
                    && bytes[i - 2] == '\n' && bytes[i - 3] == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    static RequestHead parse(String head) {
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || !requestLine[1].startsWith("/")) {
            return new RequestHead(Problem.MALFORMED, null, null, null);
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && "accept".equals(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                String value = lines[i].substring(colon + 1).trim();
                // Repeated headers are one list (RFC 9110 5.3).
                accept = accept == null ? value : accept + "," + value;
            }
        }
        return new RequestHead(Problem.NONE, requestLine[0], query < 0 ? target : target.substring(0, query), accept);
    }
}
