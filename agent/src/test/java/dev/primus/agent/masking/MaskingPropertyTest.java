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
            Masker.builder().detectors(BuiltInDetector.configNames().split(", ")).build(),
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
                String word = WORDS[random.nextInt(WORDS.length)];
                // Bare digits before a unit are a count ("7725696279 ms"), not a phone or an Aadhaar number: see CountNames.
                int length = line.length();
                boolean afterBareDigits = length > 11 && CharClass.digits(line, length - 11, 10, length);
                line.append(afterBareDigits && word.equals("ms") ? "the" : word);
            } else if (kind < 7) {
                line.append(random.nextInt(100_000));
            } else if (kind == 7) {
                for (int i = 0, length = 1 + random.nextInt(12); i < length; i++) {
                    line.append(NOISE.charAt(random.nextInt(NOISE.length())));
                }
            } else {
                String[] textAndSecret = secret(random, values);
                // Three groups right after a group of four are a row of numbers ("6379 9092 2181 9200"),
                // an Aadhaar number only when its word names it: see AadhaarNumbers.
                int length = line.length();
                boolean afterGroup = length >= 5 && CharClass.digits(line, length - 5, 4, length)
                        && (length == 5 || !CharClass.isWord(line.charAt(length - 6)));
                if (afterGroup && textAndSecret[1].length() == 14 && textAndSecret[1].charAt(4) == ' ') {
                    line.append("aadhaar ");
                }
                line.append(textAndSecret[0]);
                injected.add(textAndSecret[1]);
            }
        }
        return line.toString();
    }

    /** A value as written in a line, and the part of it that must not survive masking. */
    private static String[] secret(Random random, GeneratedValues values) {
        switch (random.nextInt(26)) {
            case 0: return whole(values.card());
            case 1: return whole(values.ssn());
            case 2: return whole(values.email());
            case 3: return whole(values.phone());
            case 4: return whole(values.iban());
            case 5: return whole(values.aadhaar());
            case 6: return whole(values.pan());
            case 7: return whole(values.awsKey());
            case 8: return whole(values.stripeKey());
            case 9: return whole(values.githubToken());
            case 10: return whole(values.slackToken());
            case 11: return whole(values.jwt());
            case 12: return whole(values.googleApiKey());
            case 13: return whole(values.gitlabToken());
            case 14: return whole(values.npmToken());
            case 15: return whole(values.openAiKey());
            case 16: return whole(values.anthropicKey());
            case 17: return whole(values.huggingFaceToken());
            case 18: return whole(values.sendGridKey());
            case 19: return whole(values.twilioKey());
            case 20: return after("https://hooks.slack.com/services/", values.slackWebhookPath(), "");
            case 21: return after("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=", values.azureStorageKey(),
                    ";EndpointSuffix=core.windows.net");
            case 22: return after("https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=", values.sasSignature(), "");
            case 23: return after("AWS_SECRET_ACCESS_KEY=", values.awsSecretKey(), "");
            case 24: return whole(values.vendorToken());
            default: return after("password=", values.word(12), "");
        }
    }

    private static String[] whole(String value) {
        return new String[] {value, value};
    }

    private static String[] after(String before, String secret, String rest) {
        return new String[] {before + secret + rest, secret};
    }
}
