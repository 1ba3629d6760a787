package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thousands of generated log lines: words, numbers, noise, and valid PII and secrets mixed in. */
class MaskingPropertyTest {
    private static final int LINES = 5_000;
    private static final String[] WORDS = {
        "INFO", "WARN", "the", "order", "user", "took", "ms", "GET", "/api/v1/orders", "200", "[main]", "at",
        "com.example.Foo.bar(Foo.java:123)", "2024-11-24T10:15:30.123Z", "1732406400000", "1.2.3.4", "v2.7.18",
        "123e4567-e89b-12d3-a456-426614174000", "4f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", "0x7fff", "id=42",
        "status:", "retry=3", "@Override", "foo@bar", "-----", "->", "{\"a\":1}", "a.b.c", "50%", "(1)", "+", "::",
        "Bearer", "password", "token:", "key=", "1234567812345678", "9876", "DE", "AKIA", "eyJ", "\\n", "[EMAIL]",
    };
    private static final String NOISE = "@:=-+(.)[]\\\"' \n\r_/0123456789aAzZeE";

    @Test
    void maskingNeverThrowsIsIdempotentAndHidesEveryInjectedValue() {
        Masker[] maskers = {
            Masker.builder().build(),
            Masker.builder().style("partial").build(),
            Masker.builder().style("hash").hashKey("k").custom("order_token", "ORD-[0-9]{6}").build(),
            Masker.builder().detectors("email", "credit_card", "us_ssn", "phone", "iban", "aadhaar", "pan", "ip_address",
                    "jwt", "bearer_token", "aws_access_key", "stripe_key", "github_token", "slack_token", "private_key",
                    "password_kv").build(),
        };
        Random random = new Random(20241124L);
        GeneratedValues values = new GeneratedValues(random);
        for (int n = 0; n < LINES; n++) {
            List<String> injected = new ArrayList<String>();
            String line = line(random, values, injected);
            for (Masker masker : maskers) {
                String once = masker.mask(line);
                assertNotNull(once);
                assertEquals(once, masker.mask(once), () -> "not idempotent for: " + line);
                for (String value : injected) {
                    assertFalse(once.contains(value), () -> "leaked " + value + " in " + once + " from " + line);
                }
            }
        }
    }

    private static String line(Random random, GeneratedValues values, List<String> injected) {
        StringBuilder line = new StringBuilder();
        int tokens = 5 + random.nextInt(30);
        for (int t = 0; t < tokens; t++) {
            if (t > 0) {
                line.append(' ');
            }
            int kind = random.nextInt(10);
            if (kind < 5) {
                line.append(WORDS[random.nextInt(WORDS.length)]);
            } else if (kind < 7) {
                line.append(random.nextInt(100_000));
            } else if (kind == 7) {
                for (int i = 0, length = 1 + random.nextInt(12); i < length; i++) {
                    line.append(NOISE.charAt(random.nextInt(NOISE.length())));
                }
            } else {
                String value = secret(random, values);
                injected.add(value.startsWith("password=") ? value.substring(9) : value);
                line.append(value);
            }
        }
        return line.toString();
    }

    private static String secret(Random random, GeneratedValues values) {
        switch (random.nextInt(13)) {
            case 0: return values.card();
            case 1: return values.ssn();
            case 2: return values.email();
            case 3: return values.phone();
            case 4: return values.iban();
            case 5: return values.aadhaar();
            case 6: return values.pan();
            case 7: return values.awsKey();
            case 8: return values.stripeKey();
            case 9: return values.githubToken();
            case 10: return values.slackToken();
            case 11: return values.jwt();
            default: return "password=" + values.word(12);
        }
    }
}
