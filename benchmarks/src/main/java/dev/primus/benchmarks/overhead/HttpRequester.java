package dev.primus.benchmarks.overhead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GETs the {@code --request} URLs in turn through one asynchronous HTTP/1.1 client, whose pool
 * keeps connections open between requests. One per launch: a pooled connection to the previous
 * launch's app would fail the first requests of the next.
 */
final class HttpRequester implements Requester {
    /** An answer later than this counts as a failure; its latency, up to here, is still recorded. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<HttpRequest> requests;
    private final AtomicLong next = new AtomicLong();

    HttpRequester(List<URI> urls) {
        this.requests = urls.stream().map(url -> HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build()).toList();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        HttpRequest request = requests.get((int) (next.getAndIncrement() % requests.size()));
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() / 100 == 2);
    }

    /** The status of one GET, or -1 when there is no answer (yet): the readiness probe. */
    int status(URI url) {
        try {
            return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
