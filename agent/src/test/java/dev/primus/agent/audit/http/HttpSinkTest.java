package dev.primus.agent.audit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http sink against a loopback collector of the test's own that answers what each test
 * scripts (200, 503, 429 with Retry-After, 400) and keeps every request it got. Checks of what
 * arrived wait for it with a deadline: the sink posts from a thread of its own.
 */
class HttpSinkTest {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private HttpServer collector;
    /** Statuses to answer, in order; 200 once they are used up. */
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Integer> answered = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCollector() throws Exception {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        collector.createContext("/ingest", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Integer status = script.poll();
                int answer = status == null ? 200 : status;
                headers.add(exchange.getRequestHeaders().getFirst("Authorization") + " | "
                        + exchange.getRequestHeaders().getFirst("Content-Type"));
                if (answer == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                if (answer / 100 == 2) {
                    bodies.add(body);
                }
                answered.add(answer);
                exchange.sendResponseHeaders(answer, -1);
            } finally {
                exchange.close();
            }
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + collector.getAddress().getPort() + "/ingest";
    }

    private static AuditPipeline pipeline(String sinksYaml) {
        LoadResult result = new ConfigLoader(name -> "SECRET".equals(name) ? "Bearer t0ken" : null).load("primus.yaml",
                ("service: http-sink-test\naudit:\n  sinks:\n" + sinksYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return AuditPipeline.create("http-sink-test", result.config().audit()).start(Collections.emptyList());
    }

    private String httpSink(String extra) {
        return "    - type: http\n      url: " + url() + "\n      authorization: ${env:SECRET}\n      flush_interval: 50ms\n" + extra;
    }

    private static void offer(AuditPipeline pipeline, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(pipeline.offer(AuditEvent.of("egress", "allowed").rule("egress.allow[0]").reason("event " + i).build()));
        }
    }

    /** Every event line the collector took, in order. */
    private List<String> events() {
        List<String> lines = new ArrayList<>();
        for (String body : bodies) {
            for (String line : body.split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static List<Long> seqs(List<String> lines) {
        List<Long> seqs = new ArrayList<>();
        for (String line : lines) {
            Matcher seq = SEQ.matcher(line);
            assertTrue(seq.find(), line);
            seqs.add(Long.parseLong(seq.group(1)));
        }
        return seqs;
    }

    private static List<Long> oneToN(int n) {
        List<Long> seqs = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            seqs.add(i);
        }
        return seqs;
    }

    private static void awaitAtLeast(LongSupplier count, long expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(count.getAsLong() >= expected, what + ": " + count.getAsLong() + " of " + expected);
    }

    @Test
    void eventsArriveOnceInOrderInBoundedBatchesWithTheAuthorizationHeader() throws Exception {
        AuditPipeline pipeline = pipeline(httpSink("      batch_size: 500\n"));
        offer(pipeline, 1200);
        awaitAtLeast(() -> events().size(), 1200, "events at the collector");
        pipeline.shutdown(10_000);
        assertEquals(oneToN(1200), seqs(events()));
        assertTrue(bodies.size() >= 3, "at most 500 events a batch: " + bodies.size() + " batches");
        assertTrue(bodies.stream().allMatch(body -> body.split("\n").length <= 500));
        assertTrue(headers.stream().allMatch("Bearer t0ken | application/x-ndjson"::equals), headers.toString());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilTheCollectorTakesTheBatch() throws Exception {
        script.add(503);
        script.add(502);
        script.add(429);
        AuditPipeline pipeline = pipeline(httpSink(""));
        offer(pipeline, 50);
        awaitAtLeast(() -> events().size(), 50, "events at the collector");
        pipeline.shutdown(10_000);
        assertEquals(oneToN(50), seqs(events()), "retried until taken, and taken once");
        assertEquals(List.of(503, 502, 429, 200), answered.subList(0, 4));
    }

    @Test
    void aBatchTheCollectorRefusesIsDroppedAndReportedNeverRetried(@TempDir Path dir) throws Exception {
        script.add(400);
        Path file = dir.resolve("audit.jsonl");
        AuditPipeline pipeline = pipeline(httpSink("      batch_size: 10\n") + "    - type: file\n      path: " + file + "\n");
        offer(pipeline, 10);
        awaitAtLeast(answered::size, 1, "requests at the collector");
        offer(pipeline, 10);
        awaitAtLeast(() -> events().size(), 10, "the next batch at the collector");
        pipeline.shutdown(10_000);
        assertEquals(400, answered.get(0));
        assertEquals(oneToN(20).subList(10, 20), seqs(events()).subList(0, 10), "the refused batch is not sent again");
        List<String> written = Files.readAllLines(file);
        assertTrue(written.stream().anyMatch(line -> line.contains("\"type\":\"audit\"")
                && line.contains("dropped 10 events for http:" + url() + ": the collector refused a batch with HTTP 400")),
                written.toString());
    }

    @Test
    void splunkHecEnvelopesCarryTheEventsTime() throws Exception {
        AuditPipeline pipeline = pipeline(httpSink("      format: splunk_hec\n"));
        offer(pipeline, 3);
        awaitAtLeast(() -> events().size(), 3, "events at the collector");
        pipeline.shutdown(10_000);
        for (String envelope : events()) {
            Matcher time = Pattern.compile("^\\{\"time\":(\\d+)\\.(\\d{3}),\"source\":\"primus-agent\",\"sourcetype\":\"_json\","
                    + "\"event\":(\\{\"ts\":\"([^\"]+)\".*\\})\\}$").matcher(envelope);
            assertTrue(time.matches(), envelope);
            long millis = Instant.parse(time.group(4)).toEpochMilli();
            assertEquals(millis / 1000, Long.parseLong(time.group(1)));
            assertEquals(millis % 1000, Long.parseLong(time.group(2)));
        }
        assertTrue(headers.stream().allMatch("Bearer t0ken | application/json"::equals), headers.toString());
    }

    /** A keyed file's chain heads go to the collector; with them, verify-audit finds a cut tail the chain alone cannot show. */
    @Test
    void chainHeadsOfAKeyedFileReachTheCollectorAndExposeACutTail(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Path key = dir.resolve("audit.key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef-audit-key\n");
        AuditPipeline pipeline = pipeline(httpSink("") + "    - type: file\n      path: " + file + "\n"
                + "      hash_chain: { key: \"${file:" + key + "}\", head_every: 5 }\n");
        for (int i = 0; i < 4; i++) {
            offer(pipeline, 5);
            awaitAtLeast(() -> events().stream().filter(l -> l.contains("chain_head")).count(), i + 1, "chain heads");
        }
        pipeline.shutdown(10_000);
        Path heads = dir.resolve("heads.jsonl");
        Files.write(heads, events());
        byte[] keyBytes = Files.readString(key).trim().getBytes(StandardCharsets.UTF_8);
        assertEquals(null, new dev.primus.agent.audit.AuditChainVerifier().key(keyBytes).headsFrom(heads.toFile())
                .check(file.toFile()));
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 3));
        String problem = new dev.primus.agent.audit.AuditChainVerifier().key(keyBytes).headsFrom(heads.toFile())
                .check(file.toFile());
        assertTrue(problem != null && problem.contains("its tail was cut or rewritten"), String.valueOf(problem));
    }
}
