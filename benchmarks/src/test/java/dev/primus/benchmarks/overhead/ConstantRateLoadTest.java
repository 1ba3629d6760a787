package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ConstantRateLoadTest {
    /**
     * One connection's worth of concurrency and a server that stalls for a second once: the
     * requests due during the stall cannot be sent until it ends. Timed from when they were
     * sent, they would look fast and only the stalled one would show, in max; timed from when
     * they were due, the stall reaches p90.
     */
    @Test
    void aStalledServerShowsInThePercentilesNotOnlyInMax() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            if (requests.incrementAndGet() == 100) {
                sleep(1000);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            List<LoadRequest> mix = List.of(LoadRequest.get(url, "test"));
            ConstantRateLoad.Result result;
            try (KeepAliveRequester http = new KeepAliveRequester(mix, new AnswerTally(mix), 1)) {
                // 200/s for 3 s: about 200 of the 600 requests fall due during the stall.
                result = new ConstantRateLoad(http, 1).run(200, Duration.ofSeconds(3));
            }

            Histogram latencies = result.latencyMicros();
            assertEquals(600, result.sent());
            assertEquals(0, result.failed());
            assertTrue(result.late() >= 150, "requests held back by the stall count as late: " + result.late());
            assertTrue(latencies.getValueAtPercentile(90) >= 500_000,
                    "p90 " + latencies.getValueAtPercentile(90) + " µs should carry the stall");
            assertTrue(latencies.getMaxValue() >= 900_000, "max " + latencies.getMaxValue() + " µs");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void latencyRunsFromTheIntendedSendTime() throws Exception {
        // Every answer takes 20 ms and only one may be outstanding, at 100/s (one due every 10 ms):
        // the queue grows by 10 ms a request, and so must the recorded latencies.
        Requester slow = () -> CompletableFuture.supplyAsync(() -> {
            sleep(20);
            return true;
        });

        ConstantRateLoad.Result result = new ConstantRateLoad(slow, 1).run(100, Duration.ofSeconds(1));

        assertEquals(100, result.sent());
        assertTrue(result.latencyMicros().getMaxValue() >= 900_000,
                "the last request, due at 1 s and answered near 2 s: max " + result.latencyMicros().getMaxValue() + " µs");
    }

    @Test
    void aFastServerKeepsTheGeneratorOnSchedule() throws Exception {
        Requester instant = () -> CompletableFuture.completedFuture(true);

        ConstantRateLoad.Result result = new ConstantRateLoad(instant, 16).run(500, Duration.ofSeconds(1));

        assertEquals(500, result.sent());
        assertEquals(0, result.unanswered());
        // Late means more than 1 ms after its time, one send every 2 ms: on a shared 2-core machine
        // parkNanos wakes that late now and then (60 of 500 in one CI run while the generator was
        // still interpreted), so the bound is loose. What it tells apart is a generator kept waiting
        // by the server, whose sends are nearly all late (latencyRunsFromTheIntendedSendTime's).
        assertTrue(result.late() < 500 / 4, "late " + result.late());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
