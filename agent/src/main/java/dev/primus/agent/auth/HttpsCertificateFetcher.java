package dev.primus.agent.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a certificate file over https with {@link HttpURLConnection}, which the agent weaves:
 * the egress policy applies to this fetch as to the app's own. It runs on a request thread, so
 * every way it could hang or grow is bounded: 2 s to connect, 2 s per read, 4 s in all, 64 KiB.
 */
public final class HttpsCertificateFetcher implements CertificateFetcher {
    private static final int TIMEOUT_MILLIS = 2000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(4);
    /** A leaf and its intermediates in PEM are under 8 KiB; this leaves room for a longer chain. */
    static final int MAX_BYTES = 64 * 1024;

    @Override
    public byte[] fetch(URL url) throws IOException {
        if (!"https".equals(url.getProtocol())) {
            throw new IOException("not https: " + url);
        }
        long started = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            // A redirect would lead away from the host the URL was checked against.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status);
            }
            if (connection.getContentLengthLong() > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            InputStream in = connection.getInputStream();
            try {
                return readAtMost(in, started);
            } finally {
                in.close();
            }
        } finally {
            connection.disconnect();
        }
    }

    private static byte[] readAtMost(InputStream in, long started) throws IOException {
        return BoundedBody.read(in, started, MAX_BYTES, DEADLINE_NANOS);
    }
}
