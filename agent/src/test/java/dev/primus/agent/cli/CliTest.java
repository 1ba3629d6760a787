package dev.primus.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of();
        return new Cli(new PrintStream(out, true), new PrintStream(err, true), env::get).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePrintsOneLinePerErrorAndExitsOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nmode: strict\negress:\n  allow:\n    - cidr: 10.0.0.0/99\n");
        assertEquals(1, run("validate", config.toString()));
        assertEquals(config + ":2: mode: 'strict' is not one of: enforce, monitor, off\n"
                + config + ":5: egress.allow[0].cidr: '10.0.0.0/99' is not a valid CIDR: prefix length must be 0 to 32 "
                + "for IPv4\n", out());
    }

    @Test
    void validateReportsWhatOnlyTheAuthEngineRefusesWithItsLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nauth:\n  rules:\n    - match: { path: \"/api/**/x\" }\n      require: public\n");
        assertEquals(1, run("validate", config.toString()));
        assertTrue(out().startsWith(config + ":4: auth.rules[0]: "), out());
        assertTrue(out().contains("/api/**/x"), out());
    }

    @Test
    void validateExitsZeroOnAValidFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: orders\nmode: enforce\n");
        assertEquals(0, run("validate", config.toString()));
        assertTrue(out().contains("valid; service orders; egress=enforce"), out());
    }

    @Test
    void checkEgressPrintsTheDecisionAndTheRule(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nmode: enforce\negress:\n  allow:\n    - url: https://localhost/v1/\n"
                + "  deny:\n    - cidr: 10.0.0.0/8\n");
        assertEquals(0, run("check-egress", config.toString(), "https://localhost/v1/models"));
        String[] lines = out().split("\n");
        assertEquals("allow https://localhost:443/v1/models by egress.allow[0]: allowed by egress.allow[0] "
                + "(egress mode enforce)", lines[0]);
        assertTrue(lines[1].startsWith("  by name (HTTP clients judge the URL before they connect): allow by egress.allow[0]"),
                out());
        assertTrue(out().contains("\n  by address 127.0.0.1"), out());
        out.reset();
        assertEquals(1, run("check-egress", config.toString(), "10.1.2.3:5432"));
        assertTrue(out().startsWith("deny 10.1.2.3:5432 by egress.deny[0]: address 10.1.2.3 is denied by egress.deny[0] "
                + "(egress mode enforce)\n"), out());
        assertEquals(2, run("check-egress", config.toString(), "no-port"));
    }

    /** A name a cidr rule covers only by its address: the agent allows a socket to it, and so must the verb. */
    @Test
    void checkEgressJudgesASocketByTheAddressTheNameResolvesTo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nmode: enforce\negress:\n  allow:\n    - cidr: 127.0.0.1/32\n");
        assertEquals(0, run("check-egress", config.toString(), "localhost:8080"));
        assertTrue(out().startsWith("allow localhost:8080 by egress.allow[0]: address 127.0.0.1 allowed by egress.allow[0]"),
                out());
        assertTrue(out().contains("\n  by name: deny by egress.default"), out());
        out.reset();
        // An HTTP client judges the URL by name first, and no rule names localhost.
        assertEquals(1, run("check-egress", config.toString(), "http://localhost:8080/"));
        assertTrue(out().startsWith("deny http://localhost:8080/ by egress.default"), out());
    }

    @Test
    void suggestAllowlistTurnsAnAuditFileIntoAnAllowBlockThatValidates(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(audit, "{\"seq\":1,\"type\":\"egress\",\"outcome\":\"would_deny\",\"mode\":\"monitor\","
                + "\"rule\":\"egress.default\",\"target\":{\"host\":\"db.internal\",\"ip\":\"10.0.0.5\",\"port\":5432}}\n");
        assertEquals(0, run("suggest-allowlist", audit.toString()));
        String block = out();
        assertEquals("# from 1 egress events in " + audit + "\negress:\n  allow:\n    - host: db.internal\n"
                + "      ports: [5432]\n", block);
        Path config = dir.resolve("suggested.yaml");
        Files.writeString(config, "service: a\n" + block);
        out.reset();
        assertEquals(0, run("validate", config.toString()), out());
    }

    @Test
    void suggestAuthRulesTurnsAnAuditFileIntoRulesThatValidateWithTheirCredentials(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(audit, "[primus] Primus Agent started\n"
                + "{\"seq\":1,\"type\":\"auth\",\"outcome\":\"would_deny\",\"mode\":\"monitor\",\"rule\":\"auth.default\","
                + "\"reason\":\"r\",\"method\":\"GET\",\"route\":\"/orders/1042\"}\n"
                + "{\"seq\":2,\"type\":\"authz\",\"outcome\":\"would_deny\",\"mode\":\"monitor\",\"rule\":\"auth.default\","
                + "\"reason\":\"r\",\"method\":\"GET\",\"route\":\"/healthz\"}\n");
        assertEquals(0, run("suggest-auth-rules", audit.toString()));
        String block = out();
        assertTrue(block.startsWith("# from 2 auth events on 2 routes in " + audit), block);
        assertTrue(block.contains("    - match: { path: \"/orders/*\", methods: [GET] }\n      require: { any_of: [jwt, api_key] }"),
                block);
        Path config = dir.resolve("suggested.yaml");
        Files.writeString(config, "service: a\n" + block + "  jwt:\n    - id: idp\n      issuer: https://idp.example/\n"
                + "      jwks_uri: https://idp.example/jwks\n      audiences: [a]\n  api_keys:\n    keys:\n      - id: k\n"
                + "        sha256: \"" + "ab".repeat(32) + "\"\n");
        out.reset();
        assertEquals(0, run("validate", config.toString()), out());
    }

    @Test
    void maskMasksStandardInputWithTheFilesDetectorsAndStyleAndReportsCountsWhenAsked(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: a\nlogging:\n  masking:\n    mode: enforce\n    detectors: [email]\n"
                + "    custom:\n      - name: order_token\n        pattern: \"ORD-[0-9]{10}\"\n");
        String input = "mail jane@example.com about ORD-0123456789\nnothing here\ncard 4111 1111 1111 1111\n";
        assertEquals(0, mask(input, "mask", "--report", config.toString()));
        assertEquals("mail [EMAIL] about [ORDER_TOKEN]\nnothing here\ncard 4111 1111 1111 1111\n", out(),
                "only the configured detectors run");
        String counts = err.toString(StandardCharsets.UTF_8);
        assertTrue(counts.contains("masked 1 by email") && counts.contains("masked 1 by order_token"), counts);
        out.reset();
        err.reset();
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "counts only with --report");
    }

    @Test
    void maskJudgesAMessageThatSpansLinesWholeAndKeepsEveryLineEnding(@TempDir Path dir) throws Exception {
        Path config = enforcingMasking(dir);
        String input = "2026-12-03 10:11:52 INFO loaded key\r\n-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\n"
                + "-----END PRIVATE KEY-----\r\n2026-12-03 10:11:53 ERROR failed for jane@example.com\n"
                + "\tat com.acme.Main.main(Main.java:12)\n\npassword=hunter2 no newline at the end";
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals("2026-12-03 10:11:52 INFO loaded key\r\n[PRIVATE_KEY]\r\n2026-12-03 10:11:53 ERROR failed for [EMAIL]\n"
                + "\tat com.acme.Main.main(Main.java:12)\n\npassword=[PASSWORD_KV] no newline at the end", out());
    }

    /**
     * Records that start as no time stamp or level word does (glog's, JSON lines): each line its own
     * message but an indented one or a cause, so that a value found in one record is not masked in
     * another, which the agent, judging one message at a time, never sees with it.
     */
    @Test
    void maskReadsEachLineOfALogWithUnknownRecordStartsAsAMessage(@TempDir Path dir) throws Exception {
        Path config = enforcingMasking(dir);
        String input = "I1207 16:00:31.100 x.go:12] password=Xk9mP2qLw8zT4vR7\n"
                + "I1207 16:00:32.100 x.go:13] name=Xk9mP2qLw8zT4vR7\n"
                + "  detail name=Xk9mP2qLw8zT4vR7\n{\"msg\":\"token=Xk9mP2qLw8zT4vR7\"}\n{\"msg\":\"id Xk9mP2qLw8zT4vR7\"}\n"
                + "2026-12-03 10:11:52 INFO password=Xk9mP2qLw8zT4vR7\nname=Xk9mP2qLw8zT4vR7\n";
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals("I1207 16:00:31.100 x.go:12] password=[PASSWORD_KV]\n"
                + "I1207 16:00:32.100 x.go:13] name=Xk9mP2qLw8zT4vR7\n"
                + "  detail name=Xk9mP2qLw8zT4vR7\n{\"msg\":\"token=[PASSWORD_KV]\"}\n{\"msg\":\"id Xk9mP2qLw8zT4vR7\"}\n"
                + "2026-12-03 10:11:52 INFO password=[PASSWORD_KV]\nname=[PASSWORD_KV]\n", out(),
                "a record's own next line is still its message's");
    }

    /** FreeRADIUS -X's settings: a quote that closes one line's value pairs with none on the next, and no line is lost. */
    @Test
    void maskKeepsEveryLineOfAMessageWhoseQuotesCloseOnTheirOwnLines(@TempDir Path dir) throws Exception {
        Path config = enforcingMasking(dir);
        String input = "Mon Dec  7 10:00:00 2026 : Debug:  passwd etc_passwd {\n"
                + "  \tformat = \"*User-Name:Crypt-Password:\"\n"
                + "  \tdelimiter = \":\"\n  }\n";
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals(input, out());
    }

    /** A PGP key's blank line after its headers, an encrypted PEM's after DEK-Info: the block stays one message. */
    @Test
    void maskKeepsAnArmoredBlockWholeAcrossItsBlankLine(@TempDir Path dir) throws Exception {
        Path config = enforcingMasking(dir);
        String input = "2026-12-03 10:11:52 INFO key:\n-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: BCPG v1.70\n\n"
                + "lQOYBGZabcdefghijklmnopqrstuvwxyzABCDEF0123456789\n=Xk29\n-----END PGP PRIVATE KEY BLOCK-----\n\n"
                + "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\n"
                + "DEK-Info: AES-128-CBC,3F17F5316E2BAC89\r\n\r\n"
                + "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\r\n-----END RSA PRIVATE KEY-----\r\n\nnext message\n";
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals("2026-12-03 10:11:52 INFO key:\n[PRIVATE_KEY]\n\n[PRIVATE_KEY]\r\n\nnext message\n", out());
    }

    /** A daemon that logs each line of a block as a record of its own: each is a message, as in the agent. */
    @Test
    void maskEndsAnArmoredBlockAtALineThatStartsARecord(@TempDir Path dir) throws Exception {
        Path config = enforcingMasking(dir);
        String input = "Dec  7 18:14:19 15[ASN]   -----BEGIN PRIVATE KEY-----\n"
                + "Dec  7 18:14:19 15[ASN]   -----END PRIVATE KEY-----\n"
                + "Dec  7 18:14:19 15[ASN] L0 - RSAPrivateKey:\n";
        assertEquals(0, mask(input, "mask", config.toString()));
        assertEquals(input, out());
    }

    private static Path enforcingMasking(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("primus.yaml"), "service: a\nlogging: { masking: { mode: enforce } }\n");
    }

    private int mask(String input, String... arguments) {
        return new Cli(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(err, true), Map.<String, String>of()::get).execute(arguments);
    }

    @Test
    void schemaPrintsTheJsonSchema() {
        assertEquals(0, run("schema"));
        assertTrue(out().startsWith("{"));
        assertTrue(out().contains("\"on_config_error\""));
    }

    @Test
    void unknownVerbsAndMissingArgumentsAreUsageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("validate"));
        assertEquals(2, run("attach", "not-a-pid"));
        assertEquals(2, run("status", "not-a-pid"));
        assertEquals(2, run("status"));
    }

    @Test
    void verifyAuditChecksAKeyedChainOnlyWithItsKey(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path key = dir.resolve("audit.key");
        Files.writeString(key, "an-audit-key-of-more-than-32-characters\n");
        dev.primus.config.LoadResult config = new dev.primus.config.ConfigLoader(name -> null).load("primus.yaml",
                ("service: cli-test\naudit:\n  sinks:\n    - type: file\n      path: " + audit
                        + "\n      hash_chain: { key: \"${file:" + key + "}\" }\n").getBytes(StandardCharsets.UTF_8));
        dev.primus.agent.audit.AuditPipeline pipeline = dev.primus.agent.audit.AuditPipeline
                .create("cli-test", config.config().audit()).start(java.util.List.of());
        for (int i = 0; i < 3; i++) {
            pipeline.offer(dev.primus.agent.audit.AuditEvent.of("egress", "denied").reason("r" + i).build());
        }
        pipeline.shutdown(5000);
        assertEquals(0, run("verify-audit", audit.toString(), "--key", key.toString()), out());
        assertEquals(audit + ": hash chain intact over 3 lines\n", out());
        out.reset();
        assertEquals(1, run("verify-audit", audit.toString()));
        assertTrue(out().contains(":1: the line is keyed with key_id "), out());
        out.reset();
        assertEquals(2, run("verify-audit", audit.toString(), "--keys", key.toString()), "an unknown option is a usage error");
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[] {"validate", "attach", "verify-audit", "schema", "version", "check-egress",
                "suggest-allowlist", "mask", "status"}) {
            out.reset();
            assertEquals(0, run(verb, "--help"), verb);
            assertTrue(out().startsWith("Usage: " + verb), out());
        }
        assertEquals(0, run("--help"));
    }

    @Test
    void attachRefusesAnInvalidConfigBeforeTouchingTheTarget(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "mode: strict\n");
        assertEquals(1, run("attach", "1", "--config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not attached: the config is invalid"));
    }
}
