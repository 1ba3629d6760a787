package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the agent's decision metrics from {@code --agent-metrics URL} before and after each
 * fixed-rate phase. Optional in every way: a launch without the endpoint (none, an agent without
 * {@code metrics.prometheus.port}) gives no reading, and the run goes on; the report leaves its
 * rows out. Scrapes happen between phases, never during one.
 */
final class AgentMetricsScraper {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** Why the last scrape gave nothing, for one note per launch. */
    private String lastProblem;

    AgentMetricsScraper(URI url) {
        this.url = url;
    }

    /** Empty when there is no endpoint, it did not answer 200, or it holds no decision series. */
    Optional<DecisionReadings> read() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                lastProblem = url + " answered " + response.statusCode();
                return Optional.empty();
            }
            DecisionReadings readings = DecisionReadings.of(PrometheusText.parse(response.body()));
            if (readings.isEmpty()) {
                lastProblem = url + " has no " + DecisionReadings.DURATION + " or " + DecisionReadings.DECISIONS + " series";
                return Optional.empty();
            }
            return Optional.of(readings);
        } catch (IOException | IllegalArgumentException e) {
            lastProblem = url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    String lastProblem() {
        return lastProblem;
    }
}
