package dev.primus.agent.audit.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves {@link OcsfSchema} accepts minimal events of the classes the audit encoder uses and rejects broken ones.
 * The minimal events hold exactly the required attributes the pinned 1.8.0 files resolve to (checked below against
 * {@link OcsfSchema#requiredAttributes}, which match the output of the OCSF schema compiler) plus what the class and
 * object constraints ({@code at_least_one}) demand.
 */
class OcsfSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcsfSchema SCHEMA = OcsfSchema.pinned();

    private static final String METADATA = "\"metadata\": {\"version\": \"1.8.0\","
            + " \"product\": {\"name\": \"Primus\", \"vendor_name\": \"Primus\"}}";
    private static final String COMMON = "\"severity_id\": 1, \"time\": 1767225600000, " + METADATA;
    private static final List<String> BASE_REQUIRED = List.of("activity_id", "category_uid", "class_uid", "metadata",
            "metadata.product", "metadata.version", "severity_id", "time", "type_uid");

    static Stream<Arguments> minimalEvents() {
        return Stream.of(
                Arguments.of("Network Activity", 4001, required(), """
                        {"class_uid": 4001, "category_uid": 4, "activity_id": 1, "type_uid": 400101, %s,
                         "dst_endpoint": {"hostname": "api.example.com", "port": 443}}
                        """.formatted(COMMON)),
                Arguments.of("Authentication", 3002, required("user"), """
                        {"class_uid": 3002, "category_uid": 3, "activity_id": 1, "type_uid": 300201, %s,
                         "user": {"name": "alice"}, "service": {"name": "orders-api"}}
                        """.formatted(COMMON)),
                Arguments.of("API Activity", 6003, required("actor", "api", "api.operation", "src_endpoint"), """
                        {"class_uid": 6003, "category_uid": 6, "activity_id": 2, "type_uid": 600302, %s,
                         "actor": {"user": {"uid": "alice"}}, "api": {"operation": "GET /orders/{id}"},
                         "src_endpoint": {"ip": "203.0.113.7"}}
                        """.formatted(COMMON)),
                Arguments.of("Detection Finding", 2004, required("finding_info", "finding_info.uid"), """
                        {"class_uid": 2004, "category_uid": 2, "activity_id": 1, "type_uid": 200401, %s,
                         "finding_info": {"uid": "masking-1"}}
                        """.formatted(COMMON)),
                Arguments.of("Data Security Finding", 2006, required("finding_info", "finding_info.uid"), """
                        {"class_uid": 2006, "category_uid": 2, "activity_id": 1, "type_uid": 200601, %s,
                         "finding_info": {"uid": "masking-1"}}
                        """.formatted(COMMON)),
                Arguments.of("Application Lifecycle", 6002, required("app"), """
                        {"class_uid": 6002, "category_uid": 6, "activity_id": 3, "type_uid": 600203, %s,
                         "app": {"name": "Primus"}}
                        """.formatted(COMMON)),
                Arguments.of("Application Error", 6008, required(), """
                        {"class_uid": 6008, "category_uid": 6, "activity_id": 1, "type_uid": 600801, %s}
                        """.formatted(COMMON)));
    }

    private static List<String> required(String... extra) {
        return Stream.concat(BASE_REQUIRED.stream(), Stream.of(extra)).sorted().toList();
    }

    @Test
    void loadsThePinnedRelease() {
        assertEquals("1.8.0", SCHEMA.version());
        assertTrue(SCHEMA.classUids().containsAll(List.of(4001, 3002, 6003, 2004, 2006, 6002, 6008)),
                SCHEMA.classUids().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void theRequiredAttributesAreTheOnesTheMinimalEventHas(String name, int classUid, List<String> required,
            String json) {
        assertEquals(required, SCHEMA.requiredAttributes(classUid).stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void aMinimalEventIsValid(String name, int classUid, List<String> required, String json) {
        assertValid(parse(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void eachRequiredAttributeRemovedIsReported(String name, int classUid, List<String> required, String json) {
        for (String path : required) {
            ObjectNode event = parse(json);
            remove(event, path);
            assertViolation(event, path, "required attribute is missing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void anUnknownTopLevelAttributeIsReported(String name, int classUid, List<String> required, String json) {
        ObjectNode event = parse(json);
        event.put("primus_rule", "egress.default");
        assertViolation(event, "primus_rule", "unknown attribute");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void aStringWhereAnIntegerIsRequiredIsReported(String name, int classUid, List<String> required, String json) {
        ObjectNode event = parse(json);
        event.put("severity_id", "1");
        assertViolation(event, "severity_id", "wrong type, expected integer_t");

        ObjectNode time = parse(json);
        time.put("time", "2026-01-01T00:00:00.000Z");
        assertViolation(time, "time", "wrong type, expected timestamp_t");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void anEnumIdOutsideTheEnumIsReported(String name, int classUid, List<String> required, String json) {
        ObjectNode activity = parse(json);
        activity.put("activity_id", 42).put("type_uid", classUid * 100L + 42);
        assertViolation(activity, "activity_id", "is not in the enum");

        ObjectNode severity = parse(json);
        severity.put("severity_id", 7);
        assertViolation(severity, "severity_id", "is not in the enum");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void aWrongTypeUidIsReported(String name, int classUid, List<String> required, String json) {
        ObjectNode event = parse(json);
        event.put("type_uid", event.get("type_uid").asLong() + 1);
        assertViolation(event, "type_uid", "is not class_uid " + classUid + " * 100 + activity_id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void aCategoryThatIsNotTheClasssIsReported(String name, int classUid, List<String> required, String json) {
        ObjectNode event = parse(json);
        event.put("category_uid", classUid / 1000 == 1 ? 2 : 1);
        assertViolation(event, "category_uid", "is not the category of class");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void anUnknownAttributeInANestedObjectIsReported(String name, int classUid, List<String> required,
            String json) {
        ObjectNode event = parse(json);
        ((ObjectNode) event.get("metadata").get("product")).put("colour", "blue");
        assertViolation(event, "metadata.product.colour", "unknown attribute \"colour\", not defined in object"
                + " \"product\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalEvents")
    void anythingUnderUnmappedIsAccepted(String name, int classUid, List<String> required, String json) {
        ObjectNode event = parse(json);
        event.set("unmapped", parse("""
                {"seq": 7, "rule": "egress.default", "mode": "enforce", "details": {"k": "v"},
                 "nested": {"deeper": [1, "two", null, {"x": true}]}, "severity_id": "not checked here"}
                """));
        assertValid(event);
    }

    @Test
    void profileAttributesNeedTheProfileListedInMetadata() {
        ObjectNode event = event("API Activity");
        event.set("trace", parse("{\"uid\": \"4bf92f3577b34da6a3ce929d0e0e4736\"}"));
        assertViolation(event, "trace", "unknown attribute \"trace\", not defined in class \"api_activity\" (6003)"
                + " unless metadata.profiles lists profile [\"trace\"]");

        ((ObjectNode) event.get("metadata")).set("profiles", node("[\"trace\"]"));
        assertValid(event);

        ((ObjectNode) event.get("trace")).remove("uid");
        assertViolation(event, "trace.uid", "required attribute is missing");
    }

    @Test
    void aListedProfileMakesItsRequiredAttributesRequired() {
        ObjectNode event = event("Network Activity");
        ((ObjectNode) event.get("metadata")).set("profiles", node("[\"cloud\"]"));
        assertViolation(event, "cloud", "required attribute is missing");

        ((ObjectNode) event.get("metadata")).set("profiles", node("[\"no_such_profile\"]"));
        assertViolation(event, "metadata.profiles[0]", "unknown profile");
    }

    @Test
    void dictionaryTypesAreChecked() {
        ObjectNode port = event("Network Activity");
        ((ObjectNode) port.get("dst_endpoint")).put("port", 70000);
        assertViolation(port, "dst_endpoint.port", "outside the range of port_t");

        ObjectNode ip = event("Network Activity");
        ((ObjectNode) ip.get("dst_endpoint")).put("ip", "api.example.com");
        assertViolation(ip, "dst_endpoint.ip", "does not match the regex of ip_t");

        ObjectNode ipv6 = event("Network Activity");
        ((ObjectNode) ipv6.get("dst_endpoint")).put("ip", "2001:db8::1");
        assertValid(ipv6);

        ObjectNode array = event("API Activity");
        array.set("api", parse("{\"operation\": \"GET\", \"request\": {\"uid\": \"r1\"}}"));
        array.set("resources", parse("{\"name\": \"orders\"}"));
        assertViolation(array, "resources", "wrong type, expected an array of resource_details (object)");

        ObjectNode object = event("Authentication");
        object.put("user", "alice");
        assertViolation(object, "user", "wrong type, expected user (object)");

        ObjectNode bool = event("Authentication");
        bool.put("is_mfa", "yes");
        assertViolation(bool, "is_mfa", "wrong type, expected boolean_t");
    }

    @Test
    void constraintsAreChecked() {
        ObjectNode endpoint = event("Network Activity");
        endpoint.remove("dst_endpoint");
        assertViolation(endpoint, "$", "constraint at_least_one [\"dst_endpoint\",\"src_endpoint\"]");

        ObjectNode product = event("Application Error");
        ((ObjectNode) product.get("metadata").get("product")).remove("name");
        assertViolation(product, "metadata.product", "constraint at_least_one [\"name\",\"uid\"]");
    }

    @Test
    void theClassAndVersionAreChecked() {
        ObjectNode unknown = event("Application Error");
        unknown.put("class_uid", 9999);
        assertViolation(unknown, "class_uid", "unknown class_uid 9999");

        ObjectNode later = event("Application Error");
        ((ObjectNode) later.get("metadata")).put("version", "1.9.0");
        assertViolation(later, "metadata.version", "later than the schema version");

        assertViolation(JSON.createArrayNode(), "$", "must be a JSON object");
    }

    // ---- helpers ----

    private static ObjectNode event(String name) {
        return minimalEvents().filter(a -> a.get()[0].equals(name)).map(a -> parse((String) a.get()[3])).findFirst()
                .orElseThrow();
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) node(json);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remove(ObjectNode event, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = event;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        assertTrue(parent.has(parts[parts.length - 1]), "the minimal event has " + path);
        parent.remove(parts[parts.length - 1]);
    }

    private static void assertValid(JsonNode event) {
        List<String> violations = SCHEMA.violations(event);
        assertTrue(violations.isEmpty(), () -> "expected a valid event, got " + violations + " for " + event);
    }

    private static void assertViolation(JsonNode event, String path, String fragment) {
        List<String> violations = SCHEMA.violations(event);
        assertFalse(violations.isEmpty(), () -> "expected a violation at " + path + " for " + event);
        for (String violation : violations) {
            if (violation.startsWith(path + ": ") && violation.contains(fragment)) {
                return;
            }
        }
        fail("expected a violation \"" + path + ": ..." + fragment + "...\", got " + violations);
    }
}
