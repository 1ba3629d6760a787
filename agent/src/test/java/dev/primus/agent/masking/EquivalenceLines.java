package dev.primus.agent.masking;

import java.util.Random;

/**
 * Seeded log lines for comparing two versions of the engine: words that trigger detectors and
 * words that only look as if they might, numbers, dates, noise (CR, LF, backslashes, brackets,
 * non-ASCII), and valid values of every detector. The same seed gives the same lines on any JVM.
 */
final class EquivalenceLines {
    private static final String[] WORDS = {
        "INFO", "WARN", "ERROR", "the", "order", "shipped", "to", "warehouse", "north-7", "on", "morning", "route",
        "user", "took", "ms", "GET", "/api/v1/orders", "200", "[main]", "at", "com.example.Foo.bar(Foo.java:123)",
        "2024-11-24T10:15:30.123Z", "2026-11-24 01:23:45.678", "10:11:52", "1732406400000", "1.2.3.4", "v2.7.18",
        "123e4567-e89b-12d3-a456-426614174000", "4f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", "0x7fff", "id=42",
        "status:", "retry=3", "@Override", "foo@bar", "-----", "->", "{\"a\":1}", "a.b.c", "50%", "(1)", "+", "::",
        "Bearer", "bearer", "password", "password=", "token:", "key=", "api_key", "\"secret\":", "Authorization:",
        "ssn", "ssn=", "phone", "mobile:", "tel", "aadhaar", "1234567812345678", "9876", "DE", "GB", "AKIA", "eyJ",
        "sk_", "whsec", "wh", "ghp_", "glpat-", "xoxb-", "xapp-", "npm_", "hf_", "SG.", "SK", "AC", "AIza", "sig=",
        "&sig=", "?key=", "AccountKey=", "aws_secret_access_key", "-----BEGIN RSA PRIVATE KEY-----",
        "-----END RSA PRIVATE KEY-----", "postgres://app:", "@db:5432/app", "<password>", "</password>",
        "--password", "-storepass", "\\n", "\\r", "[EMAIL]", "[CREDIT_CARD:0a1b2c3d]", "[NOT_OURS]", "\u00e9t\u00e9",
        "\u65e5\u672c", "\u00a0", "Stra\u00dfe", "caf\u00e9@example.com", "\u0663\u0664\u0665",
    };
    private static final String NOISE = "@:=-+(.)[]\\\"'<>/&;,? \n\r\t_0123456789aAzZeEsSkKhHwWxXgG\u00e9\u0100";

    private final Random random;
    private final GeneratedValues values;

    EquivalenceLines(long seed) {
        this.random = new Random(seed);
        this.values = new GeneratedValues(random);
    }

    Random random() {
        return random;
    }

    /** A line of 1 to 40 tokens, joined by a space, or now and then by nothing or a line break. */
    String line() {
        StringBuilder line = new StringBuilder();
        int tokens = 1 + random.nextInt(40);
        for (int t = 0; t < tokens; t++) {
            if (t > 0) {
                int join = random.nextInt(40);
                line.append(join == 0 ? "" : join == 1 ? "\n" : join == 2 ? "\r\n" : join == 3 ? "=" : " ");
            }
            line.append(token());
        }
        return line.toString();
    }

    /** A value as an argument: a token, a few joined, or a number. */
    Object argument() {
        switch (random.nextInt(5)) {
            case 0:
                return random.nextLong() % 100_000_000_000L;
            case 1:
                return token() + token();
            default:
                return token();
        }
    }

    String token() {
        int kind = random.nextInt(12);
        if (kind < 6) {
            return WORDS[random.nextInt(WORDS.length)];
        }
        if (kind < 8) {
            return Integer.toString(random.nextInt(kind == 6 ? 100_000 : Integer.MAX_VALUE));
        }
        if (kind == 8) {
            StringBuilder noise = new StringBuilder();
            for (int i = 0, length = 1 + random.nextInt(12); i < length; i++) {
                noise.append(NOISE.charAt(random.nextInt(NOISE.length())));
            }
            return noise.toString();
        }
        return value();
    }

    private String value() {
        switch (random.nextInt(26)) {
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
            case 12: return values.googleApiKey();
            case 13: return values.gitlabToken();
            case 14: return values.npmToken();
            case 15: return values.openAiKey();
            case 16: return values.anthropicKey();
            case 17: return values.huggingFaceToken();
            case 18: return values.sendGridKey();
            case 19: return values.twilioKey();
            case 20: return "https://hooks.slack.com/services/" + values.slackWebhookPath();
            case 21: return "AccountName=acct;AccountKey=" + values.azureStorageKey();
            case 22: return "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=" + values.sasSignature();
            case 23: return "AWS_SECRET_ACCESS_KEY=" + values.awsSecretKey();
            case 24: return "Bearer " + values.word(20);
            default: return "password=" + values.word(12);
        }
    }
}
