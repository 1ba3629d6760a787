package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.LoggingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each logging backend and version, each layout: {@link LoggingApp} logs the same lines without
 * the agent and with it (masking enforced, on JDK 17 and 25), and every output file with the
 * agent must be the file without it with each PII value replaced by its marker: PII gone,
 * every other byte the same. Every default detector finds its value in every backend.
 */
class LoggingIT {
    private static final Path RESOURCES = Path.of("src/test/resources/logging").toAbsolutePath();

    /** What the app logs, and what each value must become: the same in every layout. */
    private static final Map<String, String> MASKED = new LinkedHashMap<>();
    private static final String MDC_VALUE = "jane.roe@example.org";
    private static final String KEY_VALUE = "kv.user@example.net";
    private static final String STRUCTURED_ARGUMENT = "sa.user@example.com";
    /** A secret by its key alone, written apart from it: an MDC entry and a key-value pair named like passwords. */
    private static final String MDC_SECRET = "mdcSecret77";
    private static final String KEY_VALUE_SECRET = "kvSecret77";
    private static final String STRUCTURED_SECRET = "saSecret77";

    static {
        MASKED.put("john.doe@example.com", "[EMAIL]");
        MASKED.put("4111 1111 1111 1111", "[CREDIT_CARD]");
        MASKED.put(MDC_VALUE, "[EMAIL]");
        MASKED.put(KEY_VALUE, "[EMAIL]");
        MASKED.put(STRUCTURED_ARGUMENT, "[EMAIL]");
        MASKED.put(MDC_SECRET, "[PASSWORD_KV]");
        MASKED.put(KEY_VALUE_SECRET, "[PASSWORD_KV]");
        MASKED.put(STRUCTURED_SECRET, "[PASSWORD_KV]");
        MASKED.put("hunter2secret", "[PASSWORD_KV]");
        MASKED.put("4111111111111111", "[CREDIT_CARD]");
        MASKED.put("123-45-6789", "[US_SSN]");
        MASKED.put("abcdef0123456789abcdef", "[BEARER_TOKEN]");
        MASKED.put("AKIAIOSFODNN7EXAMPLE", "[AWS_ACCESS_KEY]");
        MASKED.put("DE89370400440532013000", "[IBAN]");
        MASKED.put("2345 6789 0124", "[AADHAAR]");
        MASKED.put("ABCPE1234F", "[PAN]");
        MASKED.put("+1 415 555 2671", "[PHONE]");
        MASKED.put("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "[STRIPE_KEY]");
        MASKED.put("ghp_1234567890abcdefghijABCDEFGHIJ123456", "[GITHUB_TOKEN]");
        MASKED.put("xoxb-123456789012-abcdefghijklmn", "[SLACK_TOKEN]");
        MASKED.put("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "[JWT]");
        MASKED.put("-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY-----",
                "[PRIVATE_KEY]");
        MASKED.put("C3J8Q~75-yx-8xm5MslfY5ubiheyEd7P4zDL~ak6", "[VENDOR_TOKEN]");
        // An identifiable storage key (its "+ASt"), bare: no name before it.
        MASKED.put("q7Rk2vN+yXb9P/dLs0WmTe4JcHu8Gz1FiAoK3Ept6VQnYw5BrSxMjC7hDl2Ua9OfZg4Ne+Ib0Ks/+AStQm9x2A==",
                "[AZURE_STORAGE_KEY]");
        String[] keyedMarkers = {"[PASSWORD_KV]", "[BEARER_TOKEN]", "[PASSWORD_KV]", "[AADHAAR]", "[PHONE]", "[US_SSN]",
            "[AWS_SECRET_KEY]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[URL_CREDENTIALS]", "[AZURE_STORAGE_KEY]",
            "[AZURE_SAS_SIGNATURE]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]",
            "[PHONE]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[BEARER_TOKEN]", "[PASSWORD_KV]",
            "[PASSWORD_KV]", "[GOOGLE_API_KEY]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[AZURE_STORAGE_KEY]",
            "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]", "[PASSWORD_KV]"};
        for (int i = 0; i < LoggingApp.KEY_IN_TEMPLATE.length; i++) {
            MASKED.put(LoggingApp.KEY_IN_TEMPLATE[i][1], keyedMarkers[i]);
        }
        // A hex dump's rows: the password's bytes starred in both columns, the layout kept.
        MASKED.put(LoggingApp.WIRE_DUMP_ROWS[0],
                "|00000000| 70 61 73 73 77 6f 72 64 3d ** ** ** ** ** ** ** |password=*******|");
        MASKED.put(LoggingApp.WIRE_DUMP_ROWS[1],
                "|00000010| ** ** ** 26 75 73 65 72 3d 62 6f 62             |***&user=bob    |");
    }

    /** Line breaks as each kind of file writes them, and as they must come out: escaped where they forge a record. */
    private static final Map<String, String> ESCAPED_TEXT = Map.of(
            "bob\nFAKE", "bob\\nFAKE", "bob\n2026-12-03", "bob\\n2026-12-03");
    private static final Map<String, String> ESCAPED_JSON = Map.of(
            "bob\\nFAKE", "bob\\\\nFAKE", "bob\\n2026-12-03", "bob\\\\n2026-12-03");
    /**
     * Where the whole message is its own template (Log4j 1 has no parameters; slf4j-simple's line is
     * masked with none): a break stays unless the text after it could pass for a new record.
     */
    private static final Map<String, String> ESCAPED_OWN_TEMPLATE = Map.of("bob\n2026-12-03", "bob\\n2026-12-03");

    /**
     * {@code notLogged}: values this API cannot carry (JUL has no MDC; only SLF4J 2 has key-value
     * pairs; logstash structured arguments only with its encoder).
     */
    record Variant(String name, String libs, String api, List<String> jvmArgs, List<String> files, List<String> notLogged) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> variants() {
        List<String> logbackFiles = List.of("logback-pattern.log", "logback-async.log");
        List<String> log4jFiles = List.of("log4j-pattern.log", "log4j-template.json", "log4j-async.log");
        String log4jConfig = "-Dlog4j2.configurationFile=" + RESOURCES.resolve("log4j2.xml");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("logback 1.2", "logback-1.2", "slf4j",
                List.of("-Dlogback.configurationFile=" + RESOURCES.resolve("logback-1.2.xml")), logbackFiles,
                List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        variants.add(new Variant("logback 1.5 + logstash encoder", "logback-1.5", "slf4j",
                List.of("-Dlogback.configurationFile=" + RESOURCES.resolve("logback-1.5.xml"), "-Dkv=true"),
                List.of("logback-pattern.log", "logback-async.log", "logback-logstash.json", "logback-raw.json"),
                List.of()));
        // The newest release line, with the plain config: its output is what 1.2's is.
        variants.add(new Variant("logback 1.6", "logback-1.6", "slf4j",
                List.of("-Dlogback.configurationFile=" + RESOURCES.resolve("logback-1.2.xml")), logbackFiles,
                List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        for (String version : List.of("2.17", "latest")) {
            String libs = "log4j-" + version;
            variants.add(new Variant("log4j " + version + " garbage-free", libs, "log4j2", List.of(log4jConfig), log4jFiles,
                    List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
            variants.add(new Variant("log4j " + version + " immutable events", libs, "log4j2",
                    List.of(log4jConfig, "-Dlog4j2.enableThreadlocals=false"), log4jFiles,
                    List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
            variants.add(new Variant("log4j " + version + " async loggers", libs, "log4j2",
                    List.of(log4jConfig, "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"),
                    log4jFiles, List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        }
        if (LibrarySets.sweep()) {
            for (String version : List.of("1.3", "1.4")) {
                variants.add(new Variant("logback " + version, "logback-" + version, "slf4j",
                        List.of("-Dlogback.configurationFile=" + RESOURCES.resolve("logback-1.2.xml")), logbackFiles,
                        List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
            }
            variants.add(new Variant("log4j 2.24 garbage-free", "log4j-2.24", "log4j2", List.of(log4jConfig), log4jFiles,
                    List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
            variants.add(new Variant("log4j 2.24 async loggers", "log4j-2.24", "log4j2",
                    List.of(log4jConfig, "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"),
                    log4jFiles, List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        }
        variants.add(new Variant("java.util.logging", null, "jul",
                List.of("-Djava.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n"),
                List.of("jul-simple.log", "jul-raw.log", "jul-async.log"),
                List.of(MDC_VALUE, MDC_SECRET, KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        // Log4j 1.2 and its maintained fork, as legacy services still run: no parameters, each line concatenated.
        for (String[] log4j1 : new String[][] {{"log4j 1.2.17", "log4j-1.2"}, {"reload4j 1.2.26", "reload4j-1.2"}}) {
            variants.add(new Variant(log4j1[0], log4j1[1], "log4j1",
                    List.of("-Dlog4j.configuration=" + RESOURCES.resolve("log4j1.properties").toUri()),
                    List.of("log4j1-pattern.log"),
                    List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        }
        // slf4j-simple, which prints each line it builds itself: SLF4J 1.7's binding and 2.x's provider.
        for (String[] simple : new String[][] {{"slf4j-simple 1.7.36", "slf4j-simple-1.7"},
            {"slf4j-simple 2.0.17", "slf4j-simple-2.0"}}) {
            variants.add(new Variant(simple[0], simple[1], "slf4j",
                    List.of("-Dorg.slf4j.simpleLogger.logFile=OUT/simple.log",
                            "-Dorg.slf4j.simpleLogger.showDateTime=false"),
                    List.of("simple.log"),
                    List.of(MDC_VALUE, MDC_SECRET, KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        }
        // JBoss LogManager as the JUL LogManager, as WildFly, JBoss EAP and Quarkus run: its Logger
        // overrides the JDK's, and JBoss Logging's printf-style calls format in its own record.
        variants.add(new Variant("jboss-logmanager 3.1 (JUL and JBoss Logging)", "jboss-logmanager-3", "jboss",
                List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-Djava.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n"),
                List.of("jul-simple.log", "jul-raw.log", "jul-async.log", "jboss-pattern.log"),
                List.of(KEY_VALUE, KEY_VALUE_SECRET, STRUCTURED_ARGUMENT, STRUCTURED_SECRET)));
        return variants.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyOutputIsTheUnmaskedOutputWithEachValueReplacedByItsMarker(Variant variant, @TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("primus.yaml");
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(config, """
                service: logging-it
                mode: enforce
                egress: { mode: "off" }
                logging: { masking: { mode: enforce } }
                audit: { sinks: [ { type: file, path: %s } ] }
                """.formatted(audit));
        Path plain = run(variant, Jdks.all().get(0), dir.resolve("plain"), null);
        StringBuilder plainText = new StringBuilder();
        for (String file : variant.files()) {
            plainText.append(Files.readString(plain.resolve(file)));
        }
        for (String value : MASKED.keySet()) {
            if (!variant.notLogged().contains(value)) {
                assertTrue(plainText.toString().contains(value), "without the agent the output holds " + value);
            }
        }
        for (Path jdk : Jdks.all()) {
            Path masked = run(variant, jdk, dir.resolve("masked-" + Jdks.name(jdk)), "config=" + config);
            for (String file : variant.files()) {
                String expected = expectedMasked(Files.readString(plain.resolve(file)), file.endsWith(".json"),
                        file.startsWith("log4j1-") || file.equals("simple.log"));
                assertEquals(normalised(expected), normalised(Files.readString(masked.resolve(file))),
                        variant + " on " + Jdks.name(jdk) + ": " + file);
            }
        }
        String auditText = Files.readString(audit);
        for (String value : MASKED.keySet()) {
            assertFalse(holdsAsToken(auditText, value), "the audit never holds a masked value: " + value);
        }
        for (String detector : List.of("email", "credit_card", "us_ssn", "phone", "iban", "aadhaar", "pan", "jwt",
                "bearer_token", "aws_access_key", "aws_secret_key", "stripe_key", "github_token", "slack_token", "private_key",
                "url_credentials", "azure_storage_key", "azure_sas_signature", "password_kv")) {
            assertTrue(auditText.contains("\"type\":\"masking\"") && auditText.contains("\"detector\":\"" + detector + "\""),
                    "masking counts are audited for " + detector + ":\n" + auditText);
        }
    }

    @Test
    void aValueIsFoundAsATokenNotInsideAHashOrANumber() {
        assertTrue(holdsAsToken("{\"reason\":\"cvv 7351 accepted\"}", "7351"));
        assertTrue(holdsAsToken("7351", "7351"));
        assertFalse(holdsAsToken("{\"hash\":\"9f07351a\",\"pid\":173512}", "7351"));
    }

    /**
     * Whether {@code text} holds {@code value} with no letter or digit right before or after it.
     * A short value such as a CVV ({@code 7351}) is otherwise found inside the audit's own hex
     * hashes, its pid or its sequence numbers, as a CI run once did.
     */
    static boolean holdsAsToken(String text, String value) {
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            int end = at + value.length();
            boolean openBefore = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean openAfter = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (openBefore && openAfter) {
                return true;
            }
        }
        return false;
    }

    private static Path run(Variant variant, Path jdk, Path out, String agentArgument) throws Exception {
        Files.createDirectories(out);
        ForkedApp.Builder builder = ForkedApp.on(jdk).classPath(LibrarySets.classPath(LoggingApp.class, variant.libs())).jvmArg("-Dout=" + out);
        variant.jvmArgs().forEach(argument -> builder.jvmArg(argument.replace("OUT/", out + "/")));
        if (agentArgument != null) {
            builder.withAgent(agentArgument);
        }
        try (ForkedApp app = builder.start(LoggingApp.class, variant.api(), out.toString())) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(60)),
                    "stdout:\n" + String.join("\n", app.stdout()) + "\nstderr:\n" + String.join("\n", app.stderr()));
            assertTrue(app.stdout().contains("DONE"));
            assertTrue(app.primusLines().stream().noneMatch(line -> line.contains("agent failure")
                    || line.contains(" WARN hook ")),
                    "the agent failed inside the app:\n" + String.join("\n", app.primusLines()));
        }
        return out;
    }

    /** The unmasked output with each value replaced by its marker, and a line break in a message escaped. */
    private static String expectedMasked(String plain, boolean json, boolean ownTemplate) {
        String expected = plain;
        for (Map.Entry<String, String> value : MASKED.entrySet()) {
            expected = expected.replace(value.getKey(), value.getValue());
        }
        for (Map.Entry<String, String> lineBreak : (json ? ESCAPED_JSON : ownTemplate ? ESCAPED_OWN_TEMPLATE : ESCAPED_TEXT)
                .entrySet()) {
            assertTrue(expected.contains(lineBreak.getKey()), "without the agent the output holds " + lineBreak.getKey());
            expected = expected.replace(lineBreak.getKey(), lineBreak.getValue());
        }
        String banner = json ? "Database info:\\n\\tDatabase JDBC URL" : "Database info:\n\tDatabase JDBC URL";
        assertTrue(expected.contains(banner), "the banner a developer wrote on several lines stays so");
        return expected;
    }

    /** Time stamps differ from run to run; nothing else may. */
    private static String normalised(String text) {
        return text.replaceAll("\"@timestamp\":\"[^\"]*\"", "\"@timestamp\":\"T\"");
    }
}
