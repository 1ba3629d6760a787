package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuditJsonTest {
    @Test
    void writesTheContractFieldsInOrder() {
        AuditEvent event = AuditEvent.of("egress", "denied")
                .timestampMillis(0)
                .mode("enforce")
                .rule("egress.default")
                .reason("no rule allows it")
                .context("caller", "com.acme.Billing.charge(Billing.java:42)")
                .target(new Target("https", "api.example.com", "127.0.0.3", 443, null))
                .detail("k", "v")
                .build();
        String line = new AuditJson("orders-api", "host-1", 4242).open(event, 7) + "}";
        assertEquals("{\"ts\":\"1970-01-01T00:00:00.000Z\",\"seq\":7,\"service\":\"orders-api\",\"host\":\"host-1\","
                + "\"pid\":4242,\"type\":\"egress\",\"outcome\":\"denied\",\"mode\":\"enforce\",\"rule\":\"egress.default\","
                + "\"reason\":\"no rule allows it\",\"caller\":\"com.acme.Billing.charge(Billing.java:42)\","
                + "\"target\":{\"host\":\"api.example.com\",\"ip\":\"127.0.0.3\",\"port\":443,\"scheme\":\"https\"},"
                + "\"details\":{\"k\":\"v\"}}", line);
    }

    @Test
    void escapesEverythingThatCouldBreakTheLine() {
        StringBuilder out = new StringBuilder();
        AuditJson.string(out, "a\"b\\c\nd\re\tf\u0001g\u2028");
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028\"", out.toString());
    }

    @Test
    void theTimestampIsTheSameWhateverTheHostLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"th-TH-u-ca-buddhist", "fa-IR", "ar-SA", "hi-IN-u-nu-deva", "ja-JP-u-ca-japanese"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                String line = new AuditJson("s", "h", 1).open(AuditEvent.of("agent", "allowed").timestampMillis(1_796_299_200_042L).build(), 1);
                assertEquals("{\"ts\":\"2026-12-03T12:00:00.042Z\"", line.substring(0, line.indexOf(',')), tag);
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /** Differential: whatever a value holds, an independent JSON parser reads back exactly that value. */
    @Test
    void anyTextReadsBackThroughAnIndependentParser() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        String[] alphabet = {"a", "\"", "\\", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u00e9", "\u2028", "\u2029",
            "\ud83d\ude00", "/", "\u4e2d", " ", "{", "}"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            StringBuilder out = new StringBuilder();
            AuditJson.string(out, value.toString());
            assertEquals(value.toString(), json.readValue(out.toString(), String.class), out.toString());
        }
    }
}
