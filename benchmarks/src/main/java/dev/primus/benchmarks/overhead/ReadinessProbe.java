package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The readiness poll: one GET on a fresh connection, closed after the answer. Plain http goes
 * over a plain socket, so that polling every 10 ms from launch costs the generator's CPU next to
 * nothing and starts no client threads before the load does; https through the JDK's client.
 */
final class ReadinessProbe {
    private static final int TIMEOUT_MILLIS = 1000;

    private ReadinessProbe() {
    }

    /** The status of one GET of {@code url}, or -1 when there is no answer (yet). */
    static int status(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            return statusOverTls(url);
        }
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort() == -1 ? 80 : url.getPort());
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        try (KeepAliveConnection connection = KeepAliveConnection.open(address, TIMEOUT_MILLIS, TIMEOUT_MILLIS)) {
            return connection.exchange(LoadRequest.get(url, "--ready").http11(), false, deadline);
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static int statusOverTls(URI url) {
        try {
            return TlsClient.INSTANCE.send(HttpRequest.newBuilder(url).timeout(Duration.ofMillis(TIMEOUT_MILLIS)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Created on first use only: most ready URLs are plain http. */
    private static final class TlsClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS)).build();
    }
}
