package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent jar's nats audit sink in an app's JVM, on JDK 17 and 25, against the machine's
 * NATS server (127.0.0.1:4222) and a stream the test owns: the agent's events arrive there, one
 * message each, although {@code egress.allow} names no NATS server, while the app's own connect
 * to the same server is denied. The exemption is the sink's threads', not the endpoint's.
 */
class AuditNatsIT {
    private static final String NATS = "127.0.0.1";
    private static final int NATS_PORT = 4222;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAgentsEventsReachJetStreamAndTheAppCannotUseTheSinksWay(Path jdk, @TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        String subject = "primus.it." + id;
        String stream = "PRIMUS_IT_" + id;
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n", "service: audit-nats-it", "mode: enforce", "egress:",
                "  default: deny", "  dns: enforce", "  allow:", "    - cidr: 127.0.0.2/32",
                "audit:", "  sinks:", "    - type: nats", "      url: nats://" + NATS + ":" + NATS_PORT,
                "      subject: " + subject, "    - type: file", "      path: " + dir.resolve("audit.jsonl"), ""));
        try (Connection reader = Nats.connect("nats://" + NATS + ":" + NATS_PORT)) {
            JetStreamManagement streams = reader.jetStreamManagement();
            streams.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
            try (ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config))) {
                String denied = app.run("socket " + NATS + " " + NATS_PORT);
                List<String> audit = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"),
                        line -> line.contains("\"type\":\"egress\"") && line.contains("\"port\":" + NATS_PORT));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (count(streams, stream) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                List<String> messages = new ArrayList<>();
                for (long n = 1; n <= count(streams, stream); n++) {
                    messages.add(new String(streams.getMessage(stream, n).getData(), StandardCharsets.UTF_8));
                }
                List<Executable> checks = new ArrayList<>();
                checks.add(() -> assertTrue(denied.startsWith("DENIED connection to " + NATS + ":" + NATS_PORT),
                        "the app's own connect to the sink's server: " + denied));
                checks.add(() -> assertTrue(messages.stream().anyMatch(m -> m.contains("\"type\":\"agent\"")
                        && m.contains("\"reason\":\"started\"")), "the start-up event in JetStream: " + messages));
                checks.add(() -> assertTrue(messages.stream().anyMatch(m -> m.contains("\"type\":\"egress\"")
                        && m.contains("\"outcome\":\"denied\"") && m.contains("\"port\":" + NATS_PORT)),
                        "the app's denied connect, audited to JetStream too: " + messages));
                checks.add(() -> assertTrue(messages.stream().allMatch(m -> m.startsWith("{\"ts\":") && m.endsWith("}")),
                        "one JSON object per message: " + messages));
                checks.add(() -> assertEquals(1, audit.stream().filter(l -> l.contains("\"port\":" + NATS_PORT)).count(),
                        "only the app's connect was judged, none of the sink's own: " + audit));
                checks.add(() -> assertTrue(app.app().primusLines().stream().anyMatch(l -> l.contains("audit to")
                        && l.contains("nats:nats://" + NATS + ":" + NATS_PORT + "/" + subject)), app.app().primusLines().toString()));
                checks.add(() -> assertTrue(app.app().primusLines().stream().noneMatch(l -> l.contains("cannot deliver")
                        || l.contains("agent failure")), app.app().primusLines().toString()));
                assertAll(checks);
            } finally {
                streams.deleteStream(stream);
            }
        }
    }

    private static long count(JetStreamManagement streams, String stream) {
        try {
            return streams.getStreamInfo(stream).getStreamState().getMsgCount();
        } catch (Exception notYet) {
            return 0;
        }
    }
}
