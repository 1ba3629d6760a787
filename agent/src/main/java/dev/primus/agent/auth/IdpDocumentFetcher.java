package dev.primus.agent.auth;

import dev.primus.agent.egress.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Fetches one JSON document from an identity provider (a JWK set, an OpenID discovery document)
 * with {@link HttpURLConnection}, which the agent weaves: the egress policy judges this fetch as
 * it judges the app's own, so the IdP's host must be allowed under {@code egress.allow}. Every way
 * it could hang or grow is bounded: 2 s to connect, 2 s per read, 4 s in all, 512 KiB.
 *
 * <p>Only https, or plain http to a loopback host (a sidecar or a test IdP): keys fetched in
 * clear over a network could be swapped by anyone on the path, and would then sign any token.
 * This is the line {@code egress.require_tls} draws too. Redirects are not followed: the keys
 * come from the URL configured or discovered, not from wherever that URL points.
 */
final class IdpDocumentFetcher {
    private static final int TIMEOUT_MILLIS = 2000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(4);
    /** Real JWK sets are 1-10 KiB, discovery documents under 10 KiB; this leaves room for many keys. */
    static final int MAX_BYTES = 512 * 1024;

    /** A document and how long the IdP says it may be cached. */
    static final class Fetched {
        final String text;
        /** The {@code Cache-Control: max-age} in seconds, or -1 when the response names none. */
        final long maxAgeSeconds;

        Fetched(String text, long maxAgeSeconds) {
            this.text = text;
            this.maxAgeSeconds = maxAgeSeconds;
        }
    }

    /** @throws IOException saying why there is no document: refused URL, HTTP status, size, time, network */
    Fetched fetch(URL url) throws IOException {
        String refused = refusal(url);
        if (refused != null) {
            throw new IOException(refused);
        }
        long started = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            if (connection.getContentLengthLong() > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            InputStream in = connection.getInputStream();
            try {
                return new Fetched(new String(readAtMost(in, started), StandardCharsets.UTF_8),
                        maxAgeSeconds(connection.getHeaderField("Cache-Control")));
            } finally {
                in.close();
            }
        } finally {
            connection.disconnect();
        }
    }

    /** Why keys must not be fetched from {@code url}, or null when they may. */
    static String refusal(URL url) {
        String scheme = url.getProtocol();
        if ("https".equals(scheme)) {
            return null;
        }
        if ("http".equals(scheme)) {
            return isLoopback(url.getHost()) ? null
                    : "plain http to " + url.getHost() + " is refused (keys fetched in clear can be swapped on the way); use https";
        }
        return "scheme " + scheme + " is refused; use https";
    }

    /** Loopback as the egress policy reads it: 127.0.0.0/8 and ::1 in any spelling, or {@code localhost}. */
    private static boolean isLoopback(String host) {
        byte[] address = IpLiteral.parse(host);
        return address != null ? IpLiteral.isLoopback(address) : "localhost".equalsIgnoreCase(host);
    }

    /** The {@code max-age} of a {@code Cache-Control} header, or -1 when there is none to read. */
    static long maxAgeSeconds(String cacheControl) {
        if (cacheControl == null) {
            return -1;
        }
        for (String directive : cacheControl.split(",")) {
            String[] nameValue = directive.trim().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("max-age")) {
                String value = nameValue[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                try {
                    long seconds = Long.parseLong(value);
                    return seconds < 0 ? -1 : seconds;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static byte[] readAtMost(InputStream in, long started) throws IOException {
        return BoundedBody.read(in, started, MAX_BYTES, DEADLINE_NANOS);
    }
}
