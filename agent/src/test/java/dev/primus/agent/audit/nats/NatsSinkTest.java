package dev.primus.agent.audit.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nats sink against real servers: the machine's shared one on 127.0.0.1:4222 (a stream of
 * the test's own, deleted after), and servers the test starts itself on other loopback ports,
 * to stop mid-run and to require NKey authentication. Every check of what arrived waits for it
 * with a deadline: the sink delivers on a thread of its own.
 */
class NatsSinkTest {
    private static final String SHARED = "nats://127.0.0.1:4222";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static AuditPipeline pipeline(String sinksYaml) {
        LoadResult result = new ConfigLoader(name -> null).load("primus.yaml",
                ("service: nats-sink-test\naudit:\n  sinks:\n" + sinksYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return AuditPipeline.create("nats-sink-test", result.config().audit())
                .start(Collections.emptyList());
    }

    private static String natsSink(String url, String subject, String extra) {
        return "    - type: nats\n      url: " + url + "\n      subject: " + subject + "\n" + extra;
    }

    private static void offer(AuditPipeline pipeline, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(pipeline.offer(AuditEvent.of("egress", "allowed").rule("egress.allow[0]").reason("event " + i).build()));
        }
    }

    /** The {@code seq} of every message in the stream, in stream order, once the stream holds {@code expected}. */
    private static List<Long> awaitSeqs(Connection connection, String stream, int expected) throws Exception {
        JetStreamManagement streams = connection.jetStreamManagement();
        awaitAtLeast(() -> messages(streams, stream), expected, "messages in " + stream);
        List<Long> seqs = new ArrayList<>();
        long count = messages(streams, stream);
        for (long n = 1; n <= count; n++) {
            Matcher seq = SEQ.matcher(new String(streams.getMessage(stream, n).getData(), StandardCharsets.UTF_8));
            assertTrue(seq.find());
            seqs.add(Long.parseLong(seq.group(1)));
        }
        return seqs;
    }

    private static long messages(JetStreamManagement streams, String stream) {
        try {
            return streams.getStreamInfo(stream).getStreamState().getMsgCount();
        } catch (Exception notYet) {
            return -1;
        }
    }

    private static void awaitAtLeast(LongSupplier count, long expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(count.getAsLong() >= expected, what + ": " + count.getAsLong() + " of " + expected + " within " + DEADLINE);
    }

    private static List<Long> oneToN(int n) {
        List<Long> seqs = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            seqs.add(i);
        }
        return seqs;
    }

    @Test
    void everyEventArrivesOnceInOrderInAStreamTheOperatorOwns() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        String subject = "primus.test." + id;
        String stream = "PRIMUS_TEST_" + id;
        try (Connection connection = Nats.connect(SHARED)) {
            JetStreamManagement streams = connection.jetStreamManagement();
            streams.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
            try {
                AuditPipeline pipeline = pipeline(natsSink(SHARED, subject, ""));
                offer(pipeline, 3000);
                pipeline.shutdown(20_000);
                assertEquals(oneToN(3000), awaitSeqs(connection, stream, 3000));
            } finally {
                streams.deleteStream(stream);
            }
        }
    }

    @Test
    void aServerOutageLosesNothingAndStoresNothingTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (NatsServer server = NatsServer.start(dir, "")) {
            AuditPipeline pipeline = pipeline(natsSink(server.url(), "audit.events",
                    "      create_stream: true\n      stream: AUDIT\n") + "    - type: file\n      path: " + file + "\n");
            offer(pipeline, 500);
            try (Connection connection = Nats.connect(server.url())) {
                awaitSeqs(connection, "AUDIT", 500);
            }
            server.kill();
            offer(pipeline, 500);
            // The server is away: the other sinks still get every event, the writer never waits on it.
            awaitAtLeast(() -> lines(file), 1000, "lines in the file sink while NATS is down");
            server.start();
            List<Long> seqs;
            try (Connection connection = Nats.connect(server.url())) {
                seqs = awaitSeqs(connection, "AUDIT", 1000);
            }
            pipeline.shutdown(20_000);
            // Every event once, none missing. Not always in seq order: a publish lost with the
            // connection is sent again after later ones jnats had buffered got through (seq orders them).
            List<Long> sorted = new ArrayList<>(seqs);
            Collections.sort(sorted);
            assertEquals(oneToN(1000), sorted, "every event once across the restart, no gap, none twice");
        }
    }

    @Test
    void anOutageLongerThanTheBufferSpillsToDiskAndLosesNothing(@TempDir Path dir) throws Exception {
        Path spill = dir.resolve("spill/nats.spill");
        try (NatsServer server = NatsServer.start(dir, "")) {
            AuditPipeline pipeline = pipeline(natsSink(server.url(), "audit.events", "      create_stream: true\n"
                    + "      stream: AUDIT\n      buffer: 16\n      spill: { path: " + spill + ", max_size: 10MB }\n"));
            offer(pipeline, 100);
            try (Connection connection = Nats.connect(server.url())) {
                awaitSeqs(connection, "AUDIT", 100);
            }
            server.kill();
            // 2,000 events against a memory buffer of 16: all but 16 wait on disk.
            offer(pipeline, 2000);
            awaitAtLeast(() -> spilledLines(spill), 1000, "events spilled while NATS is down");
            server.start();
            List<Long> seqs;
            try (Connection connection = Nats.connect(server.url())) {
                seqs = awaitSeqs(connection, "AUDIT", 2100);
            }
            pipeline.shutdown(20_000);
            List<Long> sorted = new ArrayList<>(seqs);
            Collections.sort(sorted);
            assertEquals(oneToN(2100), sorted, "every event once, through memory and the spill file");
            assertEquals(0, Files.size(spill), "the spill file is emptied once delivered");
        }
    }

    private static long spilledLines(Path spill) {
        try {
            return Files.exists(spill) ? Files.readAllLines(spill).size() : 0;
        } catch (java.io.IOException racing) {
            return 0;
        }
    }

    @Test
    void nkeyAuthenticationSignsTheServersNonceWithTheJdksEd25519(@TempDir Path dir) throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        try (NatsServer server = NatsServer.start(dir,
                "authorization { users = [ { nkey: \"" + new String(user.getPublicKey()) + "\" } ] }")) {
            Files.write(dir.resolve("user.nk"), new String(user.getSeed()).getBytes(StandardCharsets.US_ASCII));
            AuditPipeline pipeline = pipeline(natsSink(server.url(), "audit.events",
                    "      nkey_seed: ${file:" + dir.resolve("user.nk") + "}\n      create_stream: true\n      stream: AUDIT\n"));
            offer(pipeline, 10);
            pipeline.shutdown(20_000);
            io.nats.client.Options reader = new io.nats.client.Options.Builder().server(server.url())
                    .authHandler(io.nats.client.Nats.staticCredentials(null, user.getSeed())).build();
            try (Connection connection = Nats.connect(reader)) {
                assertEquals(oneToN(10), awaitSeqs(connection, "AUDIT", 10));
            }
        }
    }

    @Test
    void aFullBufferDropsTheNewestAndSaysHowMany(@TempDir Path dir) throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Path file = dir.resolve("audit.jsonl");
        AuditPipeline pipeline = pipeline(natsSink("nats://127.0.0.1:" + closedPort, "audit.events", "      buffer: 16\n")
                + "    - type: file\n      path: " + file + "\n");
        offer(pipeline, 200);
        awaitAtLeast(() -> lines(file), 200, "lines in the file sink");
        assertEquals(List.of("nats:nats://127.0.0.1:" + closedPort + "/audit.events: 184"), pipeline.remoteDropsSinceStart(),
                "what status PID shows");
        pipeline.shutdown(20_000);
        List<String> written = Files.readAllLines(file);
        assertTrue(written.stream().anyMatch(line -> line.contains("\"type\":\"audit\"")
                        && line.contains("dropped 184 events for nats:nats://127.0.0.1:" + closedPort + "/audit.events")),
                "the drop report: " + written.subList(Math.max(0, written.size() - 2), written.size()));
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException notYet) {
            return 0;
        }
    }
}
