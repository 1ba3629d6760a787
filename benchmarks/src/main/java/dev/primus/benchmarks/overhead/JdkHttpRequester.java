package dev.primus.benchmarks.overhead;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's asynchronous HTTP client as the load generator ({@code --client jdk}): https, and a
 * second opinion on {@link KeepAliveRequester}. It costs tens of microseconds of CPU a request,
 * so on one CPU it saturates near a few thousand requests a second, often before the app does.
 * One per launch: a pooled connection to the previous launch's app would fail the first
 * requests of the next.
 */
final class JdkHttpRequester implements Requester {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<HttpRequest> requests;
    private final AnswerTally tally;
    private final AtomicLong next = new AtomicLong();

    JdkHttpRequester(List<LoadRequest> requests, AnswerTally tally) {
        this.requests = requests.stream().map(JdkHttpRequester::build).toList();
        this.tally = tally;
    }

    private static HttpRequest build(LoadRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url())
                .timeout(KeepAliveRequester.REQUEST_TIMEOUT)
                .method(request.method(), request.hasBody() ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                        : HttpRequest.BodyPublishers.noBody());
        request.headers().forEach(header -> builder.header(header.name(), header.value()));
        return builder.build();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        int request = (int) (next.getAndIncrement() % requests.size());
        return client.sendAsync(requests.get(request), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        tally.unanswered(request, failure);
                        return false;
                    }
                    tally.answered(request, response.statusCode());
                    return response.statusCode() / 100 == 2;
                });
    }
}
