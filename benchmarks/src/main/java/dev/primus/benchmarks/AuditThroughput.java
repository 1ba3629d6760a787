package dev.primus.benchmarks;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Audit events per second end to end, from one producer's offer to the sink's write: into a file
 * sink (plain, SHA-256 chained, HMAC chained), and into JetStream on the machine's NATS server
 * (127.0.0.1:4222) beside a bare jnats {@code publishAsync} loop with the same window of
 * acknowledgements, message ids and payload size, in the same run. The producer never drops: on a
 * full queue it waits, so every event is counted. Rounds alternate, after one round of each file
 * sink that warms the JIT and is not counted; each figure is a median. {@code files} leaves NATS out.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.primus.benchmarks.AuditThroughput [EVENTS] [ROUNDS] [files]</pre>
 */
public final class AuditThroughput {
    private AuditThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("primus-audit-throughput");
        Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef-bench-key");
        String[] files = {"plain", "sha256", "hmac"};
        String[] chains = {"", "      hash_chain: true\n", "      hash_chain: { key: \"${file:" + dir.resolve("key") + "}\" }\n"};
        List<List<Double>> fileRates = new ArrayList<>();
        List<Double> natsRates = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            fileRates.add(new ArrayList<>());
        }
        boolean withNats = !(args.length > 2 && args[2].equals("files"));
        int natsEvents = Math.min(events, 200_000);
        for (int i = 0; i < files.length; i++) {
            Path file = dir.resolve(files[i] + "-warm-up.jsonl");
            intoFile(file, chains[i], events);
            Files.deleteIfExists(file);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < files.length; i++) {
                Path file = dir.resolve(files[i] + "-" + round + ".jsonl");
                fileRates.get(i).add(intoFile(file, chains[i], events));
                Files.deleteIfExists(file);
            }
            if (withNats) {
                natsRates.add(intoNats(natsEvents));
                bareRates.add(bareJnats(natsEvents));
            }
        }
        for (int i = 0; i < files.length; i++) {
            System.out.printf("file sink, %-6s: %,.0f events/s (median of %d rounds of %,d; rounds %s)%n", files[i],
                    median(fileRates.get(i)), rounds, events, rounded(fileRates.get(i)));
        }
        if (!withNats) {
            return;
        }
        double nats = median(natsRates);
        double bare = median(bareRates);
        System.out.printf("nats sink        : %,.0f events/s (rounds %s)%n", nats, rounded(natsRates));
        System.out.printf("bare jnats       : %,.0f messages/s (publishAsync, window 256; rounds %s)%n", bare, rounded(bareRates));
        System.out.printf("nats sink / bare jnats: %.2f%n", nats / bare);
    }

    private static AuditPipeline pipeline(String sinksYaml) {
        LoadResult result = new ConfigLoader(name -> null).load("bench.yaml",
                ("service: bench\naudit:\n  queue_capacity: 65536\n  sinks:\n" + sinksYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new IllegalStateException(result.errors().toString());
        }
        return AuditPipeline.create("bench", result.config().audit()).start(Collections.emptyList());
    }

    /** A denial to a host of its own: each a decision of its own, none summed up as a repeat. */
    private static AuditEvent event(int i) {
        return AuditEvent.of("egress", "denied").mode("enforce").rule("egress.default")
                .reason("denied by egress.default").detail("host", "api" + i + ".example.com").build();
    }

    /** Offers {@code events}, waiting whenever the queue is full, so none is dropped. */
    private static void offerAll(AuditPipeline pipeline, int events) {
        for (int i = 0; i < events; i++) {
            AuditEvent event = event(i);
            while (!pipeline.offer(event)) {
                Thread.onSpinWait();
            }
        }
    }

    private static double intoFile(Path file, String chain, int events) throws Exception {
        AuditPipeline pipeline = pipeline("    - type: file\n      path: " + file + "\n      max_size: 4GB\n" + chain);
        long start = System.nanoTime();
        offerAll(pipeline, events);
        pipeline.shutdown(120_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        long lines;
        try (var stream = Files.lines(file)) {
            lines = stream.count();
        }
        if (lines < events) {
            throw new IllegalStateException(file + " has " + lines + " lines, not " + events);
        }
        return events / seconds;
    }

    private static double intoNats(int events) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        String subject = "primus.bench." + id;
        String stream = "PRIMUS_BENCH_" + id;
        try (Connection connection = Nats.connect("nats://127.0.0.1:4222")) {
            JetStreamManagement streams = connection.jetStreamManagement();
            streams.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
            try {
                AuditPipeline pipeline = pipeline("    - type: nats\n      url: nats://127.0.0.1:4222\n      subject: " + subject
                        + "\n      buffer: 1048576\n");
                long start = System.nanoTime();
                offerAll(pipeline, events);
                while (streams.getStreamInfo(stream).getStreamState().getMsgCount() < events) {
                    Thread.sleep(1);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pipeline.shutdown(10_000);
                return events / seconds;
            } finally {
                streams.deleteStream(stream);
            }
        }
    }

    /** The same publishes from one thread with no agent: what jnats and the server can do on this machine. */
    private static double bareJnats(int events) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        String subject = "primus.bench." + id;
        String stream = "PRIMUS_BENCH_" + id;
        byte[] payload = ("{\"ts\":\"2026-12-03T12:00:00.000Z\",\"seq\":1,\"service\":\"bench\",\"host\":\"bench-host\","
                + "\"pid\":12345,\"type\":\"egress\",\"outcome\":\"denied\",\"mode\":\"enforce\",\"rule\":\"egress.default\","
                + "\"reason\":\"denied by egress.default\",\"details\":{\"host\":\"api1.example.com\"}}").getBytes(StandardCharsets.UTF_8);
        try (Connection connection = Nats.connect("nats://127.0.0.1:4222")) {
            JetStreamManagement streams = connection.jetStreamManagement();
            streams.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
            try {
                JetStream jetStream = connection.jetStream();
                List<CompletableFuture<PublishAck>> window = new ArrayList<>(256);
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    window.add(jetStream.publishAsync(subject, payload, PublishOptions.builder().messageId(id + "-" + i).build()));
                    if (window.size() == 256 || i == events - 1) {
                        for (CompletableFuture<PublishAck> ack : window) {
                            ack.get();
                        }
                        window.clear();
                    }
                }
                return events / ((System.nanoTime() - start) / 1e9);
            } finally {
                streams.deleteStream(stream);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        List<Long> out = new ArrayList<>();
        for (double value : values) {
            out.add(Math.round(value));
        }
        return out;
    }
}
