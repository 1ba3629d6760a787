package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeepAliveRequesterTest {
    @Test
    void keepsOneConnectionForRequestsSentOneAfterAnother() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> ScriptedHttpServer.Answer.ok("ok"));
             KeepAliveRequester requester = requester(server.url("/health"), 4)) {
            for (int i = 0; i < 20; i++) {
                assertTrue(requester.send().get(5, TimeUnit.SECONDS));
            }

            assertEquals(1, server.connections());
        }
    }

    @Test
    void opensANewConnectionWhenTheServerSaysConnectionClose() throws Exception {
        // As Tomcat does after maxKeepAliveRequests: the third answer on each connection closes it.
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> request.onConnection() == 3
                ? new ScriptedHttpServer.Answer(ScriptedHttpServer.Answer.text(200, "bye", "Connection: close\r\n").bytes(), true)
                : ScriptedHttpServer.Answer.ok("ok"));
             KeepAliveRequester requester = requester(server.url("/"), 4)) {
            for (int i = 0; i < 9; i++) {
                assertTrue(requester.send().get(5, TimeUnit.SECONDS), "request " + i);
            }

            assertEquals(3, server.connections());
        }
    }

    @Test
    void resendsOnceWhenTheServerDroppedTheConnectionWithoutSaying() throws Exception {
        // The server closes after each answer without Connection: close, as an idle timeout does.
        try (ScriptedHttpServer server = new ScriptedHttpServer(request ->
                new ScriptedHttpServer.Answer(ScriptedHttpServer.Answer.ok("ok").bytes(), true));
             KeepAliveRequester requester = requester(server.url("/"), 4)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(requester.send().get(5, TimeUnit.SECONDS), "request " + i);
                Thread.sleep(20);
            }

            assertEquals(5, server.received().size(), "each request reached the server once");
        }
    }

    @Test
    void writesTheMethodHeadersAndBodyOfEachRequestOfTheMix() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> ScriptedHttpServer.Answer.ok("ok"))) {
            LoadRequest post = new LoadRequest("POST", server.url("/hooks/stripe"),
                    List.of(new LoadRequest.Header("Stripe-Signature", "t=1,v1=ab")), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    "test:1");
            LoadRequest get = new LoadRequest("GET", server.url("/orders/1042?x=1"),
                    List.of(new LoadRequest.Header("X-Api-Key", "k1")), new byte[0], "test:2");
            try (KeepAliveRequester requester = new KeepAliveRequester(List.of(post, get), new AnswerTally(List.of(post, get)), 2)) {
                assertTrue(requester.send().get(5, TimeUnit.SECONDS));
                assertTrue(requester.send().get(5, TimeUnit.SECONDS));
            }

            ScriptedHttpServer.Received first = server.received().get(0);
            assertEquals("POST /hooks/stripe HTTP/1.1", first.requestLine());
            assertTrue(first.head().contains("\r\nStripe-Signature: t=1,v1=ab\r\n"), first.head());
            assertTrue(first.head().contains("\r\nContent-Length: 7\r\n"), first.head());
            assertTrue(first.head().contains("\r\nHost: 127.0.0.1:"), first.head());
            assertEquals("{\"a\":1}", new String(first.body(), StandardCharsets.UTF_8));
            ScriptedHttpServer.Received second = server.received().get(1);
            assertEquals("GET /orders/1042?x=1 HTTP/1.1", second.requestLine());
            assertTrue(second.head().contains("\r\nX-Api-Key: k1\r\n"), second.head());
            assertFalse(second.head().toLowerCase().contains("content-length"), second.head());
        }
    }

    @Test
    void countsEachRequestsStatusesAndCallsOnlyA2xxASuccess() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> request.requestLine().startsWith("GET /secret")
                ? ScriptedHttpServer.Answer.text(401, "no token", "WWW-Authenticate: Bearer\r\n")
                : ScriptedHttpServer.Answer.ok("ok"))) {
            List<LoadRequest> mix = List.of(LoadRequest.get(server.url("/open"), "a"), LoadRequest.get(server.url("/secret"), "b"));
            AnswerTally tally = new AnswerTally(mix);
            List<Boolean> successes = new ArrayList<>();
            try (KeepAliveRequester requester = new KeepAliveRequester(mix, tally, 2)) {
                for (int i = 0; i < 6; i++) {
                    successes.add(requester.send().get(5, TimeUnit.SECONDS));
                }
            }

            assertEquals(List.of(true, false, true, false, true, false), successes);
            List<RequestAnswers> counts = tally.counts();
            assertEquals(Map.of(200, 3L), counts.get(0).byStatus());
            assertEquals(Map.of(401, 3L), counts.get(1).byStatus());
            assertEquals(3, counts.get(1).failed());
            assertEquals("status 401", counts.get(1).firstProblem());
        }
    }

    @Test
    void aRefusedConnectionIsNoAnswerWithItsReason() throws Exception {
        URI nobody;
        try (ServerSocket closedAgain = new ServerSocket(0)) {
            nobody = URI.create("http://127.0.0.1:" + closedAgain.getLocalPort() + "/");
        }
        AnswerTally tally = new AnswerTally(List.of(LoadRequest.get(nobody, "t")));
        try (KeepAliveRequester requester = new KeepAliveRequester(List.of(LoadRequest.get(nobody, "t")), tally, 2)) {
            assertFalse(requester.send().get(10, TimeUnit.SECONDS));
        }

        assertEquals(1, tally.counts().get(0).noAnswer());
        assertTrue(tally.counts().get(0).firstProblem().startsWith("ConnectException"), tally.counts().get(0).firstProblem());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> new ScriptedHttpServer.Answer(null, false))) {
            AnswerTally tally = new AnswerTally(List.of(LoadRequest.get(server.url("/"), "t")));
            try (KeepAliveRequester requester = new KeepAliveRequester(List.of(LoadRequest.get(server.url("/"), "t")), tally, 2,
                    Duration.ofMillis(300))) {
                long start = System.nanoTime();
                assertFalse(requester.send().get(5, TimeUnit.SECONDS));
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
            }
            assertTrue(tally.counts().get(0).firstProblem().contains("Timeout"), tally.counts().get(0).firstProblem());
        }
    }

    @Test
    void manyRequestsInFlightOpenNoMoreConnectionsThanTheBound() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> {
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(50);
            concurrent.decrementAndGet();
            return ScriptedHttpServer.Answer.ok("slow");
        }); KeepAliveRequester requester = requester(server.url("/"), 8)) {
            List<CompletableFuture<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(requester.send());
            }
            for (CompletableFuture<Boolean> answer : answers) {
                assertTrue(answer.get(10, TimeUnit.SECONDS));
            }

            assertEquals(8, server.connections(), "the pool grew to its bound and queued the rest");
            assertEquals(8, mostConcurrent.get());
            assertEquals(8, requester.openConnections());
        }
    }

    @Test
    void aClosedLoopUsesAsManyConnectionsAsItKeepsInFlight() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(request -> ScriptedHttpServer.Answer.ok("ok"));
             KeepAliveRequester requester = requester(server.url("/"), 256)) {
            SaturationLoad.Result result = new SaturationLoad(requester, 4).run(Duration.ofMillis(500));

            assertTrue(result.ok() > 100, "ok " + result.ok());
            assertEquals(0, result.failed());
            assertTrue(server.connections() <= 4, "connections " + server.connections());
        }
    }

    private static KeepAliveRequester requester(URI url, int maxConnections) {
        List<LoadRequest> mix = List.of(LoadRequest.get(url, "test"));
        return new KeepAliveRequester(mix, new AnswerTally(mix), maxConnections);
    }
}
