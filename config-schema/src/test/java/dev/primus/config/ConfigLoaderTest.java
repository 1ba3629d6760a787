package dev.primus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final Map<String, String> env = new HashMap<>();
    private final ConfigLoader loader = new ConfigLoader(env::get);

    private LoadResult load(String yaml) {
        return loader.load("primus.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> errors(String yaml) {
        LoadResult result = load(yaml);
        assertFalse(result.isValid(), "expected errors for:\n" + yaml);
        List<String> lines = new ArrayList<>();
        for (ConfigError error : result.errors()) {
            lines.add(error.toString());
        }
        return lines;
    }

    private void assertOnlyError(String expected, String yaml) {
        assertEquals(List.of(expected), errors(yaml));
    }

    @Test
    void egressProcessesIsAuditDenyOrAListOfExecutables() {
        assertNull(load("egress:\n  mode: enforce\n").config().egress().processesAllowed(), "audit by default");
        assertNull(load("egress:\n  processes: audit\n").config().egress().processesAllowed());
        assertEquals(List.of(), load("egress:\n  processes: deny\n").config().egress().processesAllowed());
        assertEquals(List.of("/usr/bin/git", "curl"),
                load("egress:\n  processes: [/usr/bin/git, curl]\n").config().egress().processesAllowed());
        assertFalse(load("egress:\n  processes: allow\n").isValid(), "only audit, deny or a list");
    }

    @Test
    void loadsTheContractExampleWithEveryDefaultFilledIn() throws Exception {
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_test");
        byte[] example = Files.readAllBytes(Path.of("../examples/configs/contract-example.yaml"));
        LoadResult result = loader.load("contract-example.yaml", example);
        assertTrue(result.isValid(), () -> result.errors().toString());
        PrimusConfig config = result.config();
        assertEquals("orders-api", config.service());
        assertEquals(Mode.ENFORCE, config.egress().mode());
        assertFalse(config.egress().defaultAllow());
        assertEquals("api.stripe.com", config.egress().allow().get(0).host());
        assertEquals(java.util.Set.of(443), config.egress().allow().get(0).ports());
        assertEquals("egress.deny[0]", config.egress().deny().get(0).id());
        assertTrue(config.egress().deny().get(0).cidr().contains(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
        assertEquals(30, config.masking().detectors().size());
        assertEquals("ORD-[0-9]{10}", config.masking().custom().get("order_token"));
        assertEquals(3, config.audit().sinks().size());
        assertEquals(100L << 20, config.audit().sinks().get(0).maxSizeBytes());
        assertTrue(config.audit().sinks().get(0).hashChain());
        assertEquals(9464, config.metrics().prometheusPort());
        assertEquals(64, config.sha256().length());
    }

    @Test
    void everyExampleConfigIsValid() throws Exception {
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_test");
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("../examples/configs"))) {
            List<Path> configs = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertTrue(configs.size() >= 3, configs.toString());
            for (Path config : configs) {
                LoadResult result = loader.load(config.toFile());
                assertTrue(result.isValid(), () -> config + ": " + result.errors());
            }
        }
    }

    /**
     * Every deployment example under examples/deploy validates, the copy inside the Kubernetes
     * ConfigMap too. Their ${file:} secrets point at placeholder files named from the repository
     * root, where an operator runs validate; these tests run in config-schema/.
     */
    @Test
    void everyDeploymentExampleIsValid() throws Exception {
        List<Path> configs;
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of("../examples/deploy"))) {
            configs = files.filter(f -> f.getFileName().toString().equals("primus.yaml")).sorted().toList();
        }
        assertTrue(configs.size() >= 5, configs.toString());
        for (Path config : configs) {
            assertValidFromTheRepositoryRoot(config.toString(), Files.readString(config));
        }
        Map<String, Object> configMap = new org.yaml.snakeyaml.Yaml().load(
                Files.readString(Path.of("../examples/deploy/kubernetes/configmap.yaml")));
        @SuppressWarnings("unchecked")
        String inConfigMap = ((Map<String, String>) configMap.get("data")).get("primus.yaml");
        assertValidFromTheRepositoryRoot("configmap.yaml data.primus.yaml", inConfigMap.replace(
                "/run/secrets/nats/audit.creds", "examples/deploy/kubernetes/secrets-for-validate/audit.creds"));
    }

    private void assertValidFromTheRepositoryRoot(String name, String yaml) {
        LoadResult result = loader.load(name, yaml.replace("${file:examples/", "${file:../examples/")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(result.isValid(), () -> name + ": " + result.errors());
    }

    @Test
    void aModuleWithoutItsOwnModeTakesTheTopLevelMode() {
        PrimusConfig config = load("service: a\nmode: enforce\negress:\n  default: allow\nauth:\n  mode: off\n").config();
        assertEquals(Mode.ENFORCE, config.egress().mode());
        assertEquals(Mode.ENFORCE, config.masking().mode());
        assertEquals(Mode.OFF, config.auth().mode());
    }

    @Test
    void defaultsAreMonitorModeDenyEgressAndAStderrSink() {
        PrimusConfig config = load("service: a\n").config();
        assertEquals(Mode.MONITOR, config.mode());
        assertFalse(config.egress().defaultAllow());
        assertEquals(AuditSinkConfig.Type.STDERR, config.audit().sinks().get(0).type());
        assertEquals(65536, config.audit().queueCapacity());
        assertFalse(config.masking().detectors().contains("ip_address"));
        assertFalse(config.failClosed());
    }

    @Test
    void offIsAModeWordNotABoolean() {
        assertEquals(Mode.OFF, load("service: a\nmode: off\n").config().mode());
    }

    @Test
    void embeddedDefaultIsValidAndMonitorsEverything() {
        LoadResult result = loader.loadEmbeddedDefault();
        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(Mode.MONITOR, result.config().egress().mode());
        assertEquals("embedded default", result.config().source());
        assertEquals(AuditSinkConfig.Type.STDERR, result.config().audit().sinks().get(0).type());
    }

    @Test
    void reportsSyntaxErrorsWithTheirLine() {
        assertOnlyError("primus.yaml:3: yaml: not valid YAML at column 16: mapping values are not allowed here",
                "service: a\nmode: monitor\negress: default: deny\n");
    }

    @Test
    void reportsAnEmptyFile() {
        assertOnlyError("primus.yaml:0: (top level): the file is empty; write at least 'service: NAME' "
                + "(see docs/configuration.md)", "# nothing but a comment\n");
    }

    @Test
    void reportsATopLevelThatIsNotAMapping() {
        assertOnlyError("primus.yaml:1: (top level): expected a mapping of settings (key: value lines) but got a list",
                "- service\n");
    }

    @Test
    void reportsAnUnknownKeyWithASuggestion() {
        assertOnlyError("primus.yaml:2: egres: unknown key; did you mean 'egress'?", "service: a\negres:\n  default: deny\n");
    }

    @Test
    void reportsAnUnknownKeyWithTheKnownKeysWhenNothingIsClose() {
        assertOnlyError("primus.yaml:3: egress.zzzzzz: unknown key; expected one of: mode, default, require_tls, dns, "
                + "processes, on_error, allow, deny", "service: a\negress:\n  zzzzzz: 1\n");
    }

    @Test
    void reportsADuplicateKey() {
        assertOnlyError("primus.yaml:3: mode: duplicate key (first at line 2); keep one",
                "service: a\nmode: monitor\nmode: enforce\n");
    }

    @Test
    void reportsAWrongType() {
        assertOnlyError("primus.yaml:3: audit.queue_capacity: expected an integer but got 'lots'",
                "service: a\naudit:\n  queue_capacity: lots\n");
    }

    @Test
    void aQuotedNumberIsNotAnInteger() {
        assertOnlyError("primus.yaml:3: metrics.prometheus.port: expected an integer but got '9464'",
                "service: a\nmetrics:\n  prometheus: { port: \"9464\" }\n");
    }

    @Test
    void reportsAValueOutsideItsEnumWithASuggestion() {
        assertOnlyError("primus.yaml:2: mode: 'enforced' is not one of: enforce, monitor, off; did you mean 'enforce'?",
                "service: a\nmode: enforced\n");
    }

    @Test
    void reportsAnUnknownDetector() {
        assertOnlyError("primus.yaml:4: logging.masking.detectors[1]: 'emial' is not one of: email, credit_card, us_ssn, "
                + "phone, iban, aadhaar, pan, ip_address, jwt, bearer_token, aws_access_key, aws_secret_key, stripe_key, "
                + "github_token, slack_token, slack_webhook, google_api_key, gitlab_token, npm_token, openai_key, "
                + "anthropic_key, huggingface_token, sendgrid_key, twilio_key, azure_storage_key, azure_sas_signature, "
                + "vendor_token, private_key, url_credentials, password_kv; did you mean 'email'?",
                "service: a\nlogging:\n  masking:\n    detectors: [jwt, emial]\n");
    }

    @Test
    void aCustomPatternRe2CannotCompileIsAnErrorOnItsLine() {
        assertOnlyError("primus.yaml:6: logging.masking.custom[0].pattern: not a valid RE2 pattern (error parsing regexp: invalid "
                        + "named capture: `(?<=x)ORD`); RE2 has no backreferences or look-around (https://github.com/google/re2/wiki/Syntax)",
                "service: a\nlogging:\n  masking:\n    custom:\n      - name: order\n        pattern: \"(?<=x)ORD\"\n");
    }

    @Test
    void aCustomDetectorMayNotTakeABuiltInName() {
        assertOnlyError("primus.yaml:5: logging.masking.custom[0].name: custom detector name 'email' is a built-in "
                        + "detector's; choose another name",
                "service: a\nlogging:\n  masking:\n    custom:\n      - name: email\n        pattern: \"x\"\n");
    }

    @Test
    void reportsAMissingRequiredKey() {
        assertOnlyError("primus.yaml:4: auth.jwt[0]: missing required key 'issuer'",
                "service: a\nauth:\n  jwt:\n    - id: corp\n");
    }

    @Test
    void reportsAValueAboveItsMaximum() {
        assertOnlyError("primus.yaml:3: egress.allow[0].ports[0]: 70000 is above the maximum 65535",
                "service: a\negress:\n  allow: [{ host: a.example.com, ports: [70000] }]\n");
    }

    @Test
    void reportsABadCidrPrefix() {
        assertOnlyError("primus.yaml:4: egress.allow[0].cidr: '10.0.0.0/33' is not a valid CIDR: prefix length must be "
                + "0 to 32 for IPv4", "service: a\negress:\n  allow:\n    - cidr: 10.0.0.0/33\n");
    }

    @Test
    void reportsABadCidrAddress() {
        assertOnlyError("primus.yaml:4: egress.deny[0].cidr: '10.0.0/8' is not a valid CIDR: '10.0.0' is not an IPv4 "
                + "or IPv6 address; write e.g. 10.0.0.0/8", "service: a\negress:\n  deny:\n    - cidr: 10.0.0/8\n");
    }

    @Test
    void acceptsIpv6Cidrs() {
        assertTrue(load("service: a\negress:\n  deny:\n    - cidr: fd00:ec2::254/128\n").isValid());
    }

    @Test
    void reportsABadHostName() {
        assertOnlyError("primus.yaml:4: egress.allow[0].host: 'api..example.com' is not a host name; write a name such "
                + "as api.example.com or *.example.com", "service: a\negress:\n  allow:\n    - host: api..example.com\n");
    }

    @Test
    void reportsANonCanonicalAddressInAHostRule() {
        assertOnlyError("primus.yaml:4: egress.allow[0].host: '010.0.0.1' is not a canonical IPv4 address; write it as a "
                + "dotted quad without leading zeros, e.g. 10.0.0.1", "service: a\negress:\n  allow:\n    - host: 010.0.0.1\n");
    }

    @Test
    void reportsASizeOfZero() {
        assertEquals(1, errors("service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a\n      max_size: 0MB\n")
                .size());
    }

    @Test
    void reportsARelativeUrl() {
        assertOnlyError("primus.yaml:4: egress.allow[0].url: '/v1/' is not an absolute URL; write it as scheme://host/path",
                "service: a\negress:\n  allow:\n    - url: /v1/\n");
    }

    @Test
    void reportsABadDuration() {
        assertOnlyError("primus.yaml:6: auth.jwt[0].clock_skew: '60 seconds' is not a duration; write a number with ms, "
                + "s, m, h or d, e.g. 60s",
                "service: a\nauth:\n  jwt:\n    - id: corp\n      issuer: https://idp.example.com/\n"
                        + "      clock_skew: 60 seconds\n");
    }

    @Test
    void reportsABadSize() {
        assertOnlyError("primus.yaml:6: audit.sinks[0].max_size: '100 megs' is not a size; write a number from 1 to "
                + "999999 with B, KB, MB or GB, e.g. 100MB",
                "service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a.jsonl\n      max_size: 100 megs\n");
    }

    @Test
    void reportsADuplicateId() {
        assertOnlyError("primus.yaml:7: auth.jwt[1].id: duplicate id 'corp' (first at line 4); ids must be unique",
                "service: a\nauth:\n  jwt:\n    - id: corp\n      issuer: https://a.example.com/\n"
                        + "    - issuer: https://b.example.com/\n      id: corp\n");
    }

    @Test
    void reportsARuleWithTwoTargets() {
        assertOnlyError("primus.yaml:4: egress.allow[0]: a rule names exactly one of host, cidr or url (this one names 2)",
                "service: a\negress:\n  allow:\n    - { host: a.example.com, cidr: 10.0.0.0/8 }\n");
    }

    @Test
    void reportsAReferenceToAnUndefinedWebhook() {
        env.put("S", "whsec");
        assertOnlyError("primus.yaml:10: auth.rules[0].require.webhook: no webhook with id 'strip' in auth.webhooks; "
                + "did you mean 'stripe'?",
                "service: a\nauth:\n  webhooks:\n    - id: stripe\n      provider: stripe\n      secret: ${env:S}\n"
                        + "  rules:\n    - match: { path: /webhooks/stripe }\n      require:\n        webhook: strip\n");
    }

    @Test
    void reportsAFileSinkWithoutPathAndForeignKeys() {
        assertEquals(List.of("primus.yaml:4: audit.sinks[0]: a file sink needs path, e.g. /var/log/primus/audit.jsonl",
                        "primus.yaml:5: audit.sinks[0].subject: does not apply to a file sink; remove it"),
                errors("service: a\naudit:\n  sinks:\n    - type: file\n      subject: x\n"));
    }

    @Test
    void bindsANatsSinkWithItsConnectionSettings() {
        PrimusConfig config = load("service: a\naudit:\n  sinks:\n    - type: nats\n      url: nats://127.0.0.1:4222\n"
                + "      subject: primus.audit\n      token: s3cret\n      tls: { ca_file: /etc/ca.pem }\n"
                + "      create_stream: true\n      stream: AUDIT\n      buffer: 1024\n").config();
        AuditSinkConfig sink = config.audit().sinks().get(0);
        assertEquals(AuditSinkConfig.Type.NATS, sink.type());
        assertEquals("s3cret", sink.nats().token());
        assertEquals("/etc/ca.pem", sink.nats().tlsCaFile());
        assertTrue(sink.nats().createStream());
        assertEquals("AUDIT", sink.nats().stream());
        assertEquals(1024, sink.nats().buffer());
        assertEquals(NatsSinkConfig.DEFAULT_BUFFER, load("service: a\naudit:\n  sinks:\n    - type: nats\n"
                + "      url: nats://127.0.0.1:4222\n      subject: s\n").config().audit().sinks().get(0).nats().buffer());
    }

    @Test
    void bindsAnHttpSinkWithItsBatchBounds() {
        AuditSinkConfig sink = load("service: a\naudit:\n  sinks:\n    - type: http\n      url: https://c.example/ingest\n"
                + "      format: splunk_hec\n      authorization: Splunk abc\n      batch_size: 100\n      batch_bytes: 64KB\n"
                + "      flush_interval: 250ms\n").config().audit().sinks().get(0);
        assertEquals(AuditSinkConfig.Type.HTTP, sink.type());
        assertEquals(HttpSinkConfig.Format.SPLUNK_HEC, sink.http().format());
        assertEquals("Splunk abc", sink.http().authorization());
        assertEquals(100, sink.http().batchSize());
        assertEquals(64L << 10, sink.http().batchBytes());
        assertEquals(250, sink.http().flushMillis());
        assertEquals(List.of("primus.yaml:4: audit.sinks[0]: an http sink needs url, e.g. https://collector.example/ingest",
                        "primus.yaml:5: audit.sinks[0].subject: does not apply to an http sink; remove it"),
                errors("service: a\naudit:\n  sinks:\n    - type: http\n      subject: s\n"));
    }

    @Test
    void bindsAKeyedHashChainAndRefusesAShortKey() {
        AuditSinkConfig sink = load("service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a\n"
                + "      hash_chain: { key: 0123456789abcdef0123456789abcdef, head_every: 50 }\n").config().audit().sinks().get(0);
        assertTrue(sink.hashChain());
        assertEquals("0123456789abcdef0123456789abcdef", sink.chainKey());
        assertEquals(50, sink.chainHeadEvery());
        AuditSinkConfig plain = load("service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a\n"
                + "      hash_chain: true\n").config().audit().sinks().get(0);
        assertTrue(plain.hashChain());
        assertEquals(null, plain.chainKey());
        assertEquals(List.of("primus.yaml:6: audit.sinks[0].hash_chain.key: an audit chain key needs at least 32 characters "
                        + "(256 bits as hex or base64); make one with: head -c 32 /dev/urandom | base64"),
                errors("service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a\n      hash_chain: { key: short }\n"));
    }

    @Test
    void reportsANatsSinkThatAuthenticatesTwoWaysOrLacksWhatItsSettingsNeed() {
        assertEquals(List.of("primus.yaml:8: audit.sinks[0].nkey_seed: a nats sink authenticates one way; token is set "
                        + "already, remove one of them"),
                errors("service: a\naudit:\n  sinks:\n    - type: nats\n      url: nats://h:4222\n      subject: s\n"
                        + "      token: t\n      nkey_seed: SUA\n"));
        assertEquals(List.of("primus.yaml:4: audit.sinks[0]: user needs password, e.g. password: "
                        + "${file:/run/secrets/nats-password}",
                        "primus.yaml:4: audit.sinks[0]: create_stream needs the stream's name, e.g. stream: PRIMUS_AUDIT"),
                errors("service: a\naudit:\n  sinks:\n    - type: nats\n      url: nats://h:4222\n      subject: s\n"
                        + "      user: u\n      create_stream: true\n"));
        assertEquals(List.of("primus.yaml:6: audit.sinks[0].token: does not apply to a file sink; remove it"),
                errors("service: a\naudit:\n  sinks:\n    - type: file\n      path: /tmp/a\n      token: t\n"));
    }

    @Test
    void reportsAMissingEnvironmentVariable() {
        assertOnlyError("primus.yaml:6: auth.webhooks[0].secret: environment variable STRIPE_WEBHOOK_SECRET is not set; "
                + "set it or remove ${env:STRIPE_WEBHOOK_SECRET}",
                "service: a\nauth:\n  webhooks:\n    - id: stripe\n      provider: stripe\n"
                        + "      secret: ${env:STRIPE_WEBHOOK_SECRET}\n");
    }

    @Test
    void reportsAnUnreadableSecretFile() {
        assertOnlyError("primus.yaml:3: logging.masking.hash_key: file /nonexistent/key cannot be read "
                + "(FileNotFoundException); check the path and that the JVM's user may read it",
                "service: a\nlogging:\n  masking: { style: hash, hash_key: \"${file:/nonexistent/key}\" }\n");
    }

    @Test
    void reportsAnUnknownSubstitution() {
        assertOnlyError("primus.yaml:1: service: unknown substitution ${vault:...}; use ${env:NAME} or ${file:PATH}",
                "service: ${vault:x}\n");
    }

    @Test
    void substitutesEnvironmentAndFileValues(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.write(key, "s3cret-from-file\n".getBytes(StandardCharsets.UTF_8));
        env.put("SERVICE", "orders");
        PrimusConfig config = load("service: ${env:SERVICE}-api\nlogging:\n  masking:\n    style: hash\n"
                + "    hash_key: ${file:" + key + "}\n").config();
        assertEquals("orders-api", config.service());
        assertEquals("s3cret-from-file", config.masking().hashKey());
    }

    @Test
    void neverPrintsASubstitutedValue() {
        env.put("PORT_SECRET", "hunter2");
        List<String> errors = errors("service: a\nmetrics:\n  prometheus: { port: \"${env:PORT_SECRET}\" }\n");
        assertEquals(List.of("primus.yaml:3: metrics.prometheus.port: expected an integer but got a secret value"), errors);
    }

    @Test
    void neverPrintsASecretMarkedBySchema() {
        List<String> errors = errors("service: a\nauth:\n  api_keys:\n    keys:\n      - id: k\n        sha256: hunter2\n");
        assertEquals(List.of("primus.yaml:6: auth.api_keys.keys[0].sha256: (secret) does not match the pattern "
                + "^[0-9a-fA-F]{64}$"), errors);
    }

    private static final String REDIS_LIMIT = "service: a\nauth:\n  rate_limits:\n    - id: per-tenant\n      key: tenant\n"
            + "      capacity: 10\n      refill_per_second: 1\n";

    @Test
    void aRedisBackendNeedsItsUrl() {
        assertOnlyError("primus.yaml:8: auth.rate_limits[0].backend: backend redis needs redis_url, e.g. "
                + "redis://127.0.0.1:6379", REDIS_LIMIT + "      backend: redis\n");
    }

    @Test
    void acceptsEveryRedisUrlShapeAndACaFileWithTls() {
        for (String url : List.of("redis://:pw@10.0.0.1:6379/0", "rediss://10.0.0.1", "redis-sentinel://:pw@10.0.0.1,10.0.0.2:26380/main",
                "rediss-sentinel://[::1]:26379,[::2]:26379/main/2", "redis-cluster://10.0.0.1:7000,10.0.0.2:7000")) {
            LoadResult result = load(REDIS_LIMIT + "      backend: redis\n      redis_url: " + url + "\n");
            assertTrue(result.isValid(), url + ": " + result.errors());
        }
        assertTrue(load(REDIS_LIMIT + "      backend: redis\n      redis_url: rediss-cluster://10.0.0.1\n"
                + "      redis_ca_file: /etc/primus/redis-ca.pem\n").isValid());
    }

    @Test
    void aRedisCaFileGoesWithATlsUrlWhichTheMessageDoesNotShow() {
        env.put("REDIS_URL", "redis://:hunter2@10.0.0.1");
        List<String> errors = errors(REDIS_LIMIT + "      backend: redis\n      redis_url: ${env:REDIS_URL}\n"
                + "      redis_ca_file: /etc/primus/redis-ca.pem\n");
        assertEquals(List.of("primus.yaml:10: auth.rate_limits[0].redis_ca_file: redis_ca_file applies to TLS only, and "
                + "redis_url does not start with rediss://, rediss-sentinel:// or rediss-cluster://; write the URL with "
                + "rediss, or remove redis_ca_file"), errors);
        assertFalse(errors.toString().contains("hunter2"));
    }

    @Test
    void aRedisCaFileNeedsTheRedisBackend() {
        assertOnlyError("primus.yaml:8: auth.rate_limits[0].redis_ca_file: redis_ca_file is for backend redis with a "
                + "rediss:// URL (TLS); remove it, or set backend: redis and redis_url",
                REDIS_LIMIT + "      redis_ca_file: /etc/primus/redis-ca.pem\n");
    }

    @Test
    void hashStyleNeedsAKey() {
        assertOnlyError("primus.yaml:4: logging.masking.style: style hash needs logging.masking.hash_key; set it from a "
                + "secret, e.g. ${env:PRIMUS_MASKING_KEY}", "service: a\nlogging:\n  masking:\n    style: hash\n");
    }

    @Test
    void reportsEveryErrorNotJustTheFirst() {
        assertEquals(3, errors("service: a\nmode: strict\negress:\n  default: maybe\naudit:\n  queue_capacity: 1\n").size());
    }

    @Test
    void failClosedIsHonouredInAFileThatIsNotEvenYaml() {
        LoadResult result = load("on_config_error: fail_closed\nservice: [unclosed\n");
        assertFalse(result.isValid());
        assertTrue(result.failClosed());
    }

    @Test
    void failClosedIsHonouredInAnInvalidFile() {
        assertTrue(load("on_config_error: fail_closed\nmode: strict\n").failClosed());
        assertFalse(load("mode: strict\n").failClosed());
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        LoadResult result = loader.load(dir.resolve("missing.yaml").toFile());
        assertEquals(dir.resolve("missing.yaml") + ":0: (file): the file does not exist; check the path given to the agent",
                result.errors().get(0).toString());
    }

    @Test
    void aTagCannotInstantiateAClass() {
        assertOnlyError("primus.yaml:1: yaml: not valid YAML at column 10: Global tag is not allowed: "
                + "tag:yaml.org,2002:javax.script.ScriptEngineManager", "service: !!javax.script.ScriptEngineManager [x]\n");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append("]\n");
        }
        List<String> errors = errors(yaml.toString());
        assertTrue(errors.get(0).contains("yaml: not valid YAML"), errors.get(0));
    }

    @Test
    void theSchemaIsBundledAndNamesEveryTopLevelSection() {
        String schema = ConfigLoader.schemaJson();
        for (String section : new String[] {"\"egress\"", "\"logging\"", "\"auth\"", "\"audit\"", "\"metrics\""}) {
            assertTrue(schema.contains(section), section);
        }
        assertNull(Formats.check("duration", "500ms"));
        assertEquals(90_000L, Formats.durationMillis("90s"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() {
        List<String> errors = errors("service: x\nmode: [monitor\negress:\n  default: deny\n");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("primus.yaml:3: yaml: not valid YAML at column 7: "), errors.get(0));

        List<String> control = errors("service: x\nmode: monitor\negress: {default: \"de\u0001ny\"}\n");
        assertEquals(List.of("primus.yaml:3: yaml: not valid YAML at column 22: character U+0001 is not allowed; "
                + "remove it or quote the value"), control);
    }

    @Test
    void aSubstitutedServiceIsShownAsWrittenNeverAsItsValue() {
        env.put("SERVICE_NAME", "s3cr3t-orders");
        LoadResult result = load("service: ${env:SERVICE_NAME}\n");
        assertTrue(result.isValid(), result.errors().toString());
        assertEquals("s3cr3t-orders", result.config().service());
        assertEquals("${env:SERVICE_NAME}", result.config().serviceAsWritten());
        assertEquals("orders", load("service: orders\n").config().serviceAsWritten());
    }
}
