package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
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
 * The agent jar's remote audit sinks in an app's JVM, on JDK 17 and 25: nats, against the
 * machine's NATS server (127.0.0.1:4222) and a stream the test owns, and http, against a loopback
 * collector of the test's. The agent's events arrive at both although {@code egress.allow} names
 * neither, while the app's own connect to the NATS server and its own request to the collector
 * are denied: the exemption is the sinks' threads', not their endpoints'.
 */
class RemoteAuditSinksIT {
    private static final String NATS = "127.0.0.1";
    private static final int NATS_PORT = 4222;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAgentsEventsReachJetStreamAndTheCollectorAndTheAppCannotUseTheSinksWay(Path jdk, @TempDir Path dir)
            throws Exception {
        List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer collector = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(NATS, 0), 10);
        collector.createContext("/ingest", exchange -> {
            try (java.io.InputStream in = exchange.getRequestBody()) {
                posted.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        collector.start();
        try {
            run(jdk, dir, "http://" + NATS + ":" + collector.getAddress().getPort() + "/ingest", posted);
        } finally {
            collector.stop(0);
        }
    }

    private void run(Path jdk, Path dir, String collectorUrl, List<String> posted) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        String subject = "primus.it." + id;
        String stream = "PRIMUS_IT_" + id;
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, String.join("\n", "service: audit-nats-it", "mode: enforce", "egress:",
                "  default: deny", "  dns: enforce", "  allow:", "    - cidr: 127.0.0.2/32",
                "audit:", "  sinks:", "    - type: nats", "      url: nats://" + NATS + ":" + NATS_PORT,
                "      subject: " + subject, "    - type: http", "      url: " + collectorUrl, "      flush_interval: 50ms",
                "    - type: file", "      path: " + dir.resolve("audit.jsonl"),
                "    - type: file", "      path: " + dir.resolve("audit.ocsf.jsonl"), "      format: ocsf", ""));
        try (Connection reader = Nats.connect("nats://" + NATS + ":" + NATS_PORT)) {
            JetStreamManagement streams = reader.jetStreamManagement();
            streams.addStream(StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
            try (ProbeApp app = new ProbeApp(Jdks.name(jdk), ForkedApp.on(jdk).withAgent("config=" + config))) {
                String denied = app.run("socket " + NATS + " " + NATS_PORT);
                String deniedPost = app.run("url " + collectorUrl);
                String collectorPort = "\"port\":" + URI.create(collectorUrl).getPort();
                List<String> audit = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"),
                        line -> line.contains("\"type\":\"egress\"") && line.contains("\"port\":" + NATS_PORT),
                        line -> line.contains("\"type\":\"egress\"") && line.contains(collectorPort));
                List<String> ocsf = AuditTrail.await(dir.resolve("audit.ocsf.jsonl"), lines -> lines.size() >= audit.size());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((count(streams, stream) < 3 || posted.stream().noneMatch(l -> l.contains(collectorUrl)))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                List<String> messages = new ArrayList<>();
                for (long n = 1; n <= count(streams, stream); n++) {
                    messages.add(new String(streams.getMessage(stream, n).getData(), StandardCharsets.UTF_8));
                }
                List<Executable> checks = new ArrayList<>();
                checks.add(() -> assertTrue(denied.startsWith("DENIED connection to " + NATS + ":" + NATS_PORT),
                        "the app's own connect to the sink's server: " + denied));
                checks.add(() -> assertTrue(deniedPost.startsWith("DENIED connection to " + collectorUrl),
                        "the app's own request to the collector: " + deniedPost));
                checks.add(() -> assertTrue(posted.stream().anyMatch(l -> l.contains("\"type\":\"agent\"")
                        && l.contains("\"reason\":\"started\"")), "the start-up event at the collector: " + posted));
                checks.add(() -> assertTrue(posted.stream().anyMatch(l -> l.contains("\"type\":\"egress\"")
                        && l.contains(collectorUrl)), "the app's denied request, audited to the collector: " + posted));
                checks.add(() -> assertTrue(messages.stream().anyMatch(m -> m.contains("\"type\":\"agent\"")
                        && m.contains("\"reason\":\"started\"")), "the start-up event in JetStream: " + messages));
                checks.add(() -> assertTrue(messages.stream().anyMatch(m -> m.contains("\"type\":\"egress\"")
                        && m.contains("\"outcome\":\"denied\"") && m.contains("\"port\":" + NATS_PORT)),
                        "the app's denied connect, audited to JetStream too: " + messages));
                checks.add(() -> assertTrue(messages.stream().allMatch(m -> m.startsWith("{\"ts\":") && m.endsWith("}")),
                        "one JSON object per message: " + messages));
                checks.add(() -> assertEquals(1, audit.stream().filter(l -> l.contains("\"port\":" + NATS_PORT)).count(),
                        "only the app's connect was judged, none of the sink's own: " + audit));
                checks.add(() -> assertEquals(1, audit.stream().filter(l -> l.contains(collectorPort)).count(),
                        "only the app's request was judged, none of the sink's own: " + audit));
                checks.add(() -> assertTrue(app.app().primusLines().stream().anyMatch(l -> l.contains("audit to")
                        && l.contains("nats:nats://" + NATS + ":" + NATS_PORT + "/" + subject) && l.contains("http:" + collectorUrl)),
                        app.app().primusLines().toString()));
                checks.add(() -> assertTrue(app.app().primusLines().stream().noneMatch(l -> l.contains("cannot deliver")
                        || l.contains("agent failure")), app.app().primusLines().toString()));
                checks.add(() -> assertSameEventsInOcsf(audit, ocsf));
                assertAll(checks);
            } finally {
                streams.deleteStream(stream);
            }
        }
    }

    /**
     * The OCSF sink got the same events, each in its class, with the event as the agent writes it
     * under {@code unmapped} (the OCSF shapes themselves are checked against the pinned OCSF schema
     * in the agent's OcsfJsonTest).
     */
    private static void assertSameEventsInOcsf(List<String> own, List<String> ocsf) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertTrue(ocsf.size() >= own.size(), "OCSF lines " + ocsf.size() + ", own lines " + own.size());
        for (int i = 0; i < own.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode event = json.readTree(ocsf.get(i));
            com.fasterxml.jackson.databind.JsonNode line = json.readTree(own.get(i));
            assertEquals(line, event.get("unmapped"), ocsf.get(i));
            String type = line.get("type").asText();
            int expected = type.equals("egress") ? 4001 : type.equals("agent") || type.equals("config") || type.equals("audit")
                    ? ("error".equals(line.get("outcome").asText()) ? 6008 : 6002) : -1;
            if (expected > 0) {
                assertEquals(expected, event.get("class_uid").asInt(), ocsf.get(i));
            }
            assertEquals(event.get("class_uid").asLong() * 100 + event.get("activity_id").asLong(), event.get("type_uid").asLong());
            assertEquals(line.get("seq").asLong(), event.at("/metadata/sequence").asLong());
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
