package dev.primus.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the typed model from a tree that passed the schema and the semantic checks, filling
 * in every default. Defaults live here and in the schema's descriptions (docs/configuration.md is made from them), nowhere else.
 */
final class ConfigBinder {
    /** Every built-in detector except ip_address, which most services log on purpose. */
    static final List<String> DEFAULT_DETECTORS = Arrays.asList("email", "credit_card", "us_ssn", "phone", "iban",
            "aadhaar", "pan", "jwt", "bearer_token", "aws_access_key", "aws_secret_key", "stripe_key", "github_token",
            "slack_token", "slack_webhook", "google_api_key", "gitlab_token", "npm_token", "openai_key", "anthropic_key",
            "huggingface_token", "sendgrid_key", "twilio_key", "azure_storage_key", "azure_sas_signature",
            "vendor_token", "private_key", "url_credentials", "password_kv");

    private ConfigBinder() {
    }

    static PrimusConfig bind(String source, byte[] content, ConfigNode root) {
        Mode mode = mode(root, Mode.MONITOR);
        return new PrimusConfig(source, content, root,
                text(root, "service", "unnamed-service"),
                root.get("service") == null ? "unnamed-service" : root.get("service").written(),
                mode,
                "fail_closed".equals(text(root, "on_config_error", "fail_open")),
                egress(root.get("egress"), mode),
                masking(child(root.get("logging"), "masking"), mode),
                auth(root.get("auth"), mode),
                audit(root.get("audit")),
                metrics(root.get("metrics")));
    }

    private static EgressConfig egress(ConfigNode egress, Mode inherited) {
        return new EgressConfig(mode(egress, inherited),
                "allow".equals(text(egress, "default", "deny")),
                flag(egress, "require_tls"),
                "enforce".equals(text(egress, "dns", "off")),
                "fail_closed".equals(text(egress, "on_error", "fail_open")),
                rules(egress, "allow"),
                rules(egress, "deny"),
                processes(egress));
    }

    /** {@code egress.processes}: null for audit (the default), empty for deny, else the executables allowed. */
    private static List<String> processes(ConfigNode egress) {
        ConfigNode processes = egress == null ? null : egress.get("processes");
        if (processes == null || (processes.isScalar() && "audit".equals(processes.text()))) {
            return null;
        }
        List<String> allowed = new ArrayList<String>();
        if (!processes.isScalar()) {
            for (ConfigNode executable : processes.items()) {
                allowed.add(executable.text());
            }
        }
        return allowed;
    }

    private static List<EgressRule> rules(ConfigNode egress, String list) {
        List<EgressRule> rules = new ArrayList<EgressRule>();
        List<ConfigNode> items = ConfigNode.itemsAt(egress, list);
        for (int i = 0; i < items.size(); i++) {
            ConfigNode rule = items.get(i);
            Set<Integer> ports = new LinkedHashSet<Integer>();
            for (ConfigNode port : ConfigNode.itemsAt(rule, "ports")) {
                ports.add(Integer.valueOf(port.text()));
            }
            String cidr = text(rule, "cidr", null);
            String url = text(rule, "url", null);
            rules.add(new EgressRule("egress." + list + "[" + i + "]", text(rule, "host", null),
                    cidr == null ? null : Cidr.parse(cidr), url == null ? null : URI.create(url), ports));
        }
        return rules;
    }

    private static MaskingConfig masking(ConfigNode masking, Mode inherited) {
        List<String> detectors = new ArrayList<String>();
        ConfigNode listed = child(masking, "detectors");
        if (listed == null) {
            detectors.addAll(DEFAULT_DETECTORS);
        } else {
            for (ConfigNode detector : listed.items()) {
                detectors.add(detector.text());
            }
        }
        Map<String, String> custom = new LinkedHashMap<String, String>();
        for (ConfigNode detector : ConfigNode.itemsAt(masking, "custom")) {
            custom.put(detector.get("name").text(), detector.get("pattern").text());
        }
        return new MaskingConfig(mode(masking, inherited), detectors, text(masking, "style", "redact"),
                text(masking, "hash_key", null), custom);
    }

    private static AuthConfig auth(ConfigNode auth, Mode inherited) {
        return new AuthConfig(mode(auth, inherited),
                "allow".equals(text(auth, "default", "allow")),
                "fail_closed".equals(text(auth, "on_error", "fail_open")),
                flag(auth, "audit_success"),
                (int) Math.min(Integer.MAX_VALUE - 8, Formats.sizeBytes(text(auth, "max_body_bytes", AuthConfig.DEFAULT_MAX_BODY))),
                auth);
    }

    private static AuditConfig audit(ConfigNode audit) {
        List<AuditSinkConfig> sinks = new ArrayList<AuditSinkConfig>();
        ConfigNode listed = child(audit, "sinks");
        if (listed == null) {
            sinks.add(new AuditSinkConfig(AuditSinkConfig.Type.STDERR, null, 0, 0, false, null, null, null, null, null, 0, false));
        } else {
            for (ConfigNode sink : listed.items()) {
                String maxSize = text(sink, "max_size", null);
                String maxFiles = text(sink, "max_files", null);
                AuditSinkConfig.Type type =
                        AuditSinkConfig.Type.valueOf(sink.get("type").text().toUpperCase(java.util.Locale.ROOT));
                ConfigNode chain = child(sink, "hash_chain");
                chain = chain != null && chain.kind() == ConfigNode.Kind.MAPPING ? chain : null;
                String headEvery = text(chain, "head_every", null);
                sinks.add(new AuditSinkConfig(type,
                        text(sink, "path", null),
                        maxSize == null ? AuditSinkConfig.DEFAULT_MAX_SIZE : Formats.sizeBytes(maxSize),
                        maxFiles == null ? AuditSinkConfig.DEFAULT_MAX_FILES : Integer.parseInt(maxFiles),
                        chain != null || flag(sink, "hash_chain"),
                        text(sink, "url", null),
                        text(sink, "subject", null),
                        type == AuditSinkConfig.Type.NATS ? nats(sink) : null,
                        type == AuditSinkConfig.Type.HTTP ? http(sink) : null,
                        text(chain, "key", null),
                        headEvery == null ? AuditSinkConfig.DEFAULT_HEAD_EVERY : Integer.parseInt(headEvery),
                        "ocsf".equals(text(sink, "format", "primus")))
                        .spill(text(child(sink, "spill"), "path", null), spillMaxBytes(child(sink, "spill"))));
            }
        }
        String capacity = text(audit, "queue_capacity", null);
        return new AuditConfig(capacity == null ? AuditConfig.DEFAULT_QUEUE_CAPACITY : Integer.parseInt(capacity),
                sinks, "fail_closed".equals(text(audit, "on_failure", "continue")));
    }

    private static long spillMaxBytes(ConfigNode spill) {
        String maxSize = text(spill, "max_size", null);
        return maxSize == null ? AuditSinkConfig.DEFAULT_MAX_SIZE : Formats.sizeBytes(maxSize);
    }

    private static NatsSinkConfig nats(ConfigNode sink) {
        String buffer = text(sink, "buffer", null);
        return new NatsSinkConfig(text(sink, "creds", null), text(sink, "nkey_seed", null), text(sink, "token", null),
                text(sink, "user", null), text(sink, "password", null), text(child(sink, "tls"), "ca_file", null),
                flag(sink, "create_stream"), text(sink, "stream", null),
                buffer == null ? NatsSinkConfig.DEFAULT_BUFFER : Integer.parseInt(buffer));
    }

    private static HttpSinkConfig http(ConfigNode sink) {
        String buffer = text(sink, "buffer", null);
        String batchSize = text(sink, "batch_size", null);
        String batchBytes = text(sink, "batch_bytes", null);
        String flush = text(sink, "flush_interval", null);
        return new HttpSinkConfig("splunk_hec".equals(text(sink, "format", "primus")) ? HttpSinkConfig.Format.SPLUNK_HEC
                : HttpSinkConfig.Format.PRIMUS, text(sink, "authorization", null), text(child(sink, "tls"), "ca_file", null),
                buffer == null ? HttpSinkConfig.DEFAULT_BUFFER : Integer.parseInt(buffer),
                batchSize == null ? HttpSinkConfig.DEFAULT_BATCH_SIZE : Integer.parseInt(batchSize),
                batchBytes == null ? HttpSinkConfig.DEFAULT_BATCH_BYTES : Formats.sizeBytes(batchBytes),
                flush == null ? HttpSinkConfig.DEFAULT_FLUSH_MILLIS : Formats.durationMillis(flush));
    }

    private static MetricsConfig metrics(ConfigNode metrics) {
        ConfigNode prometheus = child(metrics, "prometheus");
        String port = text(prometheus, "port", null);
        return new MetricsConfig(port == null ? 0 : Integer.parseInt(port), text(prometheus, "bind", "127.0.0.1"));
    }

    private static Mode mode(ConfigNode section, Mode inherited) {
        String word = text(section, "mode", null);
        return word == null ? inherited : Mode.parse(word);
    }

    private static boolean flag(ConfigNode section, String key) {
        return "true".equals(text(section, key, "false"));
    }

    private static String text(ConfigNode section, String key, String fallback) {
        ConfigNode value = child(section, key);
        return value == null || !value.isScalar() ? fallback : value.text();
    }

    private static ConfigNode child(ConfigNode section, String key) {
        return section == null ? null : section.get(key);
    }
}
