package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primus.agent.audit.ocsf.OcsfSchema;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of event the agent writes, encoded as OCSF, is valid against the pinned OCSF schema
 * release (not shapes written here), lands in the class docs/audit-events.md names, and keeps the
 * event as the agent writes it under {@code unmapped}.
 */
class OcsfJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target TARGET = new Target("https", "api.example.com", "127.0.0.3", 443, "https://api.example.com/v1");

    /** One of each event the guards, the agent and the audit trail raise, by the name the test reports. */
    private static Map<String, AuditEvent> everyKind() {
        Map<String, AuditEvent> events = new LinkedHashMap<>();
        events.put("egress allowed", AuditEvent.of("egress", "allowed").rule("egress.allow[0]").reason("allowed by egress.allow[0]")
                .context("caller", "com.acme.Billing.charge(Billing.java:42)").target(TARGET).build());
        events.put("egress denied", AuditEvent.of("egress", "denied").rule("egress.default").reason("no rule allows it")
                .context("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736").target(TARGET).build());
        events.put("egress would_deny", AuditEvent.of("egress", "would_deny").mode("monitor").rule("egress.default")
                .reason("no rule allows it").target(new Target(null, "db.internal", null, 5432, null)).build());
        events.put("egress lookup denied", AuditEvent.of("egress", "denied").rule("egress.dns").reason("lookup refused")
                .target(new Target(null, "evil.example", null, -1, null)).build());
        events.put("egress process", AuditEvent.of("egress", "denied").rule("egress.processes").reason("not allowed")
                .detail("executable", "/bin/sh").build());
        events.put("auth allowed", AuditEvent.of("auth", "allowed").rule("auth.routes[0]").reason("valid token")
                .context("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736").context("span_id", "00f067aa0ba902b7")
                .context("tenant", "acme").context("principal", "alice").context("client_ip", "127.0.0.1")
                .context("method", "GET").context("route", "/orders/{id}").build());
        events.put("auth denied", AuditEvent.of("auth", "denied").rule("auth.routes[0]").reason("token expired")
                .context("client_ip", "127.0.0.1").context("method", "POST").context("route", "/orders").build());
        events.put("authz denied", AuditEvent.of("authz", "denied").rule("auth.routes[1]").reason("scope orders:write missing")
                .context("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736").context("principal", "bob").context("client_ip", "::1").context("method", "DELETE").context("route", "/orders/7").build());
        events.put("webhook would_deny", AuditEvent.of("webhook", "would_deny").mode("monitor").rule("auth.webhooks.stripe")
                .reason("signature does not match").context("client_ip", "127.0.0.1").context("method", "POST")
                .context("route", "/hooks/stripe").build());
        events.put("rate_limit denied", AuditEvent.of("rate_limit", "denied").rule("auth.rate_limits[0]").reason("over 100/min")
                .context("tenant", "acme").context("client_ip", "127.0.0.1").context("method", "PATCH").context("route", "/orders").build());
        events.put("rate_limit error", AuditEvent.of("rate_limit", "error").rule("auth.rate_limits[0]")
                .reason("redis unreachable; requests go through unlimited while it fails").context("method", "OPTIONS")
                .context("route", "/orders").build());
        events.put("masking", AuditEvent.of("masking", "denied").rule("logging.masking.detectors.aws_access_key")
                .reason("masked 3 values found by aws_access_key").detail("detector", "aws_access_key").detail("count", "3").build());
        events.put("masking monitor", AuditEvent.of("masking", "would_deny").mode("monitor").rule("logging.masking.custom.ticket")
                .reason("would mask 1 value found by ticket").detail("detector", "ticket").detail("count", "1").build());
        events.put("agent started", AuditEvent.of("agent", "allowed").mode("enforce").reason("started").detail("version", "0.1.0").build());
        events.put("agent stopped", AuditEvent.of("agent", "allowed").reason("stopped").build());
        events.put("hook missed", AuditEvent.of("agent", "error").rule("hooks").reason("hook_missed").detail("hook", "okhttp").build());
        events.put("config loaded", AuditEvent.of("config", "allowed").reason("loaded").detail("sha256", "ab12").build());
        events.put("audit dropped", AuditEvent.of("audit", "error").rule("audit.queue_capacity")
                .reason("dropped 5 events: the audit queue was full").detail("dropped", "5").build());
        events.put("chain head", AuditEvent.of("audit", "allowed").rule("audit.sinks.hash_chain").reason("chain_head")
                .detail("hash", HashChain.GENESIS).build());
        events.put("escapes", AuditEvent.of("egress", "denied").rule("egress.default").reason("a \"quoted\"\nreason \u2028 caf\u00e9")
                .target(new Target(null, "b\u00fccher.example", null, 80, null)).build());
        return events;
    }

    private static JsonNode encode(AuditEvent event, long seq) throws Exception {
        return JSON.readTree(new OcsfJson("orders-api", "host-1", 4242, "0.1.0").open(event, seq) + "}");
    }

    @Test
    void everyKindOfEventIsValidAgainstThePinnedSchema() throws Exception {
        OcsfSchema schema = OcsfSchema.pinned();
        assertEquals(OcsfJson.OCSF_VERSION, schema.version());
        long seq = 1;
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, AuditEvent> kind : everyKind().entrySet()) {
            JsonNode ocsf = encode(kind.getValue(), seq++);
            List<String> violations = schema.violations(ocsf);
            if (!violations.isEmpty()) {
                problems.append(kind.getKey()).append(": ").append(violations).append('\n').append(ocsf).append('\n');
            }
        }
        assertTrue(problems.length() == 0, problems.toString());
    }

    @Test
    void eachTypeLandsInItsClassWithTheOutcomeItHad() throws Exception {
        Map<String, AuditEvent> events = everyKind();
        assertClass(events.get("egress denied"), 4001, 5, 3, 2, 2);
        assertClass(events.get("egress allowed"), 4001, 1, 1, 1, 1);
        assertClass(events.get("egress would_deny"), 4001, 1, 2, 1, 15);
        assertEquals(3, encode(events.get("egress would_deny"), 9).get("action_id").asInt());
        assertEquals(4, encode(events.get("masking"), 9).get("action_id").asInt());
        assertClass(events.get("auth denied"), 3002, 1, 3, 2, 2);
        assertClass(events.get("authz denied"), 6003, 4, 3, 2, 2);
        assertClass(events.get("rate_limit denied"), 6003, 3, 3, 2, 2);
        assertClass(events.get("rate_limit error"), 6003, 99, 4, 2, 27);
        assertClass(events.get("masking"), 2006, 1, 3, 1, 11);
        assertClass(events.get("agent started"), 6002, 3, 1, 1, 1);
        assertClass(events.get("agent stopped"), 6002, 4, 1, 1, 1);
        assertClass(events.get("hook missed"), 6008, 1, 4, 2, 27);
        assertClass(events.get("audit dropped"), 6008, 1, 4, 2, 27);
    }

    private static void assertClass(AuditEvent event, int classUid, int activityId, int severityId, int statusId, int dispositionId)
            throws Exception {
        JsonNode ocsf = encode(event, 9);
        String what = event.type() + "/" + event.outcome() + ": " + ocsf;
        assertEquals(classUid, ocsf.get("class_uid").asInt(), what);
        assertEquals(activityId, ocsf.get("activity_id").asInt(), what);
        assertEquals(classUid * 100L + activityId, ocsf.get("type_uid").asLong(), what);
        assertEquals(severityId, ocsf.get("severity_id").asInt(), what);
        assertEquals(statusId, ocsf.get("status_id").asInt(), what);
        assertEquals(dispositionId, ocsf.get("disposition_id").asInt(), what);
    }

    @Test
    void theRequestsFieldsMapToTheirOcsfAttributes() throws Exception {
        JsonNode auth = encode(everyKind().get("auth allowed"), 3);
        assertEquals("alice", auth.at("/user/name").asText());
        assertEquals("127.0.0.1", auth.at("/src_endpoint/ip").asText());
        assertEquals("GET", auth.at("/http_request/http_method").asText());
        assertEquals("/orders/{id}", auth.at("/http_request/url/path").asText());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", auth.at("/metadata/correlation_uid").asText());
        assertEquals("acme", auth.at("/metadata/tenant_uid").asText());
        assertEquals("Primus Agent", auth.at("/metadata/product/name").asText());
        assertEquals(3, auth.at("/metadata/sequence").asLong());

        JsonNode egress = encode(everyKind().get("egress denied"), 4);
        assertEquals("api.example.com", egress.at("/dst_endpoint/hostname").asText());
        assertEquals("127.0.0.3", egress.at("/dst_endpoint/ip").asText());
        assertEquals(443, egress.at("/dst_endpoint/port").asInt());
        assertEquals("https://api.example.com/v1", egress.at("/url/url_string").asText());
        assertEquals("egress.default", egress.at("/policy/name").asText());
        assertEquals("no rule allows it", egress.at("/message").asText());

        JsonNode authz = encode(everyKind().get("authz denied"), 6);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", authz.at("/trace/uid").asText());
        assertEquals("DELETE /orders/7", authz.at("/api/operation").asText());
        assertEquals("bob", authz.at("/actor/user/name").asText());

        JsonNode masking = encode(everyKind().get("masking"), 5);
        assertEquals("aws_access_key", masking.at("/data_security/detection_pattern").asText());
    }

    @Test
    void theEventAsTheAgentWritesItIsKeptUnderUnmapped() throws Exception {
        long seq = 1;
        for (AuditEvent event : everyKind().values()) {
            JsonNode own = JSON.readTree(new AuditJson("orders-api", "host-1", 4242).open(event, seq) + "}");
            assertEquals(own, encode(event, seq).get("unmapped"));
            seq++;
        }
    }

    @Test
    void aPipelineWritesEachSinkInTheFormatItsConfigNames(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("audit.jsonl");
        Path ocsf = dir.resolve("audit.ocsf.jsonl");
        LoadResult config = new ConfigLoader(name -> null).load("primus.yaml", ("service: orders-api\naudit:\n  sinks:\n"
                + "    - { type: file, path: " + own + " }\n"
                + "    - { type: file, path: " + ocsf + ", format: ocsf }\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(config.isValid(), config.errors().toString());
        AuditPipeline pipeline = AuditPipeline.create("orders-api", config.config().audit(), "0.1.0").start(List.of());
        for (AuditEvent event : everyKind().values()) {
            assertTrue(pipeline.offer(event));
        }
        pipeline.shutdown(10_000);

        // The writer thread wrote both files; shutdown waits for it, and this waits too, bounded, should it run late.
        List<String> ownLines = awaitLines(own, everyKind().size());
        List<String> ocsfLines = awaitLines(ocsf, everyKind().size());
        assertEquals(everyKind().size(), ownLines.size());
        assertEquals(ownLines.size(), ocsfLines.size());
        for (int i = 0; i < ownLines.size(); i++) {
            JsonNode event = JSON.readTree(ocsfLines.get(i));
            assertEquals(List.of(), OcsfSchema.pinned().violations(event), ocsfLines.get(i));
            assertEquals(JSON.readTree(ownLines.get(i)), event.get("unmapped"));
            assertEquals(i + 1, event.at("/metadata/sequence").asLong());
        }
    }

    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
        return lines;
    }

    @Test
    void anOcsfSinkCannotCarryTheHashChain() {
        LoadResult config = new ConfigLoader(name -> null).load("primus.yaml", ("service: s\naudit:\n  sinks:\n"
                + "    - { type: file, path: /tmp/a.jsonl, format: ocsf, hash_chain: true }\n"
                + "    - { type: stdout, format: splunk_hec }\n").getBytes(StandardCharsets.UTF_8));
        String errors = config.errors().toString();
        assertTrue(errors.contains("primus.yaml:4") && errors.contains("hash_chain links lines of the primus format"), errors);
        assertTrue(errors.contains("primus.yaml:5") && errors.contains("format splunk_hec is for http sinks"), errors);
    }

    @Test
    void theOcsfExamplesInTheDocsAreValid() throws Exception {
        int examples = 0;
        for (String line : Files.readAllLines(Path.of("..", "docs", "audit-events.md"))) {
            if (line.startsWith("{\"class_uid\":")) {
                assertEquals(List.of(), OcsfSchema.pinned().violations(JSON.readTree(line)), line);
                examples++;
            }
        }
        assertTrue(examples > 0, "docs/audit-events.md shows no OCSF event");
    }
}
