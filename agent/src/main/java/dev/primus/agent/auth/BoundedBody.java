package dev.primus.agent.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/** Reads an HTTP response body from an identity provider or PayPal, bounded in size and in time. */
final class BoundedBody {
    private BoundedBody() {
    }

    /**
     * @param startedNanos when the request started ({@link System#nanoTime})
     * @throws IOException when the body is larger than {@code maxBytes} or arrives after the deadline
     */
    static byte[] read(InputStream in, long startedNanos, int maxBytes, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            // The read timeout bounds each read; a server dripping bytes is bounded here.
            if (System.nanoTime() - startedNanos > deadlineNanos) {
                throw new IOException("took longer than " + TimeUnit.NANOSECONDS.toSeconds(deadlineNanos) + " s");
            }
        }
        return out.toByteArray();
    }
}
