package dev.primus.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema cannot say: a rule names one target, ids are unique, references point at
 * something defined, and settings that need a companion have it. Runs only on a tree that
 * passed the schema, so every node has the type the schema promises.
 */
final class SemanticChecks {
    /** The built-in detectors' names, which a custom detector may not take. */
    private static final java.util.Set<String> BUILT_IN_DETECTORS = new java.util.HashSet<String>(java.util.Arrays.asList(
            "email", "credit_card", "us_ssn", "phone", "iban", "aadhaar", "pan", "ip_address", "jwt", "bearer_token",
            "aws_access_key", "aws_secret_key", "stripe_key", "github_token", "slack_token", "slack_webhook",
            "google_api_key", "gitlab_token", "npm_token", "openai_key", "anthropic_key", "huggingface_token",
            "sendgrid_key", "twilio_key", "azure_storage_key", "azure_sas_signature", "vendor_token", "private_key",
            "url_credentials", "password_kv"));

    private final String file;
    private final List<ConfigError> errors;

    SemanticChecks(String file, List<ConfigError> errors) {
        this.file = file;
        this.errors = errors;
    }

    void check(ConfigNode root) {
        checkEgress(child(root, "egress"));
        checkMasking(child(child(root, "logging"), "masking"));
        checkAuth(child(root, "auth"));
        checkAudit(child(root, "audit"));
    }

    private void checkEgress(ConfigNode egress) {
        for (String list : new String[] {"allow", "deny"}) {
            for (ConfigNode rule : ConfigNode.itemsAt(egress, list)) {
                int targets = count(rule, "host", "cidr", "url");
                if (targets != 1) {
                    error(rule, "a rule names exactly one of host, cidr or url (this one names " + targets + ")");
                } else if (rule.get("url") != null && rule.get("ports") != null) {
                    error(rule.get("ports"), "ports does not apply to a url rule; put the port in the url");
                }
            }
        }
    }

    private void checkMasking(ConfigNode masking) {
        uniqueIds(ConfigNode.itemsAt(masking, "custom"), "name");
        for (ConfigNode custom : ConfigNode.itemsAt(masking, "custom")) {
            ConfigNode name = custom.get("name");
            if (name != null && BUILT_IN_DETECTORS.contains(name.text())) {
                error(name, "custom detector name " + name.shown() + " is a built-in detector's; choose another name");
            }
            ConfigNode pattern = custom.get("pattern");
            if (pattern != null && pattern.text() != null) {
                try {
                    com.google.re2j.Pattern.compile(pattern.text());
                } catch (com.google.re2j.PatternSyntaxException e) {
                    error(pattern, "not a valid RE2 pattern (" + e.getMessage() + ")"
                            + "; RE2 has no backreferences or look-around (https://github.com/google/re2/wiki/Syntax)");
                }
            }
        }
        ConfigNode style = child(masking, "style");
        if (style != null && "hash".equals(style.text()) && child(masking, "hash_key") == null) {
            error(style, "style hash needs logging.masking.hash_key; set it from a secret, e.g. ${env:PRIMUS_MASKING_KEY}");
        }
    }

    private void checkAuth(ConfigNode auth) {
        uniqueIds(ConfigNode.itemsAt(auth, "jwt"), "id");
        uniqueIds(ConfigNode.itemsAt(child(auth, "api_keys"), "keys"), "id");
        Map<String, ConfigNode> webhooks = uniqueIds(ConfigNode.itemsAt(auth, "webhooks"), "id");
        Map<String, ConfigNode> rateLimits = uniqueIds(ConfigNode.itemsAt(auth, "rate_limits"), "id");
        for (ConfigNode webhook : ConfigNode.itemsAt(auth, "webhooks")) {
            String provider = webhook.get("provider").text();
            if (("stripe".equals(provider) || "hmac_sha256".equals(provider)) && webhook.get("secret") == null) {
                error(webhook, "a " + provider + " webhook needs secret; set it from a secret, e.g. ${env:STRIPE_WEBHOOK_SECRET}");
            }
            if ("paypal".equals(provider) && webhook.get("webhook_id") == null) {
                error(webhook, "a paypal webhook needs webhook_id, the id PayPal gave this webhook");
            }
            if ("hmac_sha256".equals(provider) && webhook.get("header") == null) {
                error(webhook, "an hmac_sha256 webhook needs header, the request header that carries the signature");
            }
        }
        for (ConfigNode limit : ConfigNode.itemsAt(auth, "rate_limits")) {
            checkRateLimitBackend(limit);
        }
        for (ConfigNode rule : ConfigNode.itemsAt(auth, "rules")) {
            ConfigNode match = rule.get("match");
            if (match.get("path") == null && match.get("handler") == null) {
                error(match, "a match names a path, a handler, or both");
            }
            ConfigNode webhook = child(rule.get("require"), "webhook");
            if (webhook != null) {
                reference(webhook, webhooks, "webhook", "auth.webhooks");
            }
            ConfigNode rateLimit = rule.get("rate_limit");
            if (rateLimit != null) {
                reference(rateLimit, rateLimits, "rate limit", "auth.rate_limits");
            }
        }
    }

    /** A redis backend names its Redis; a CA file goes with a TLS URL. Neither message shows the URL, a secret. */
    private void checkRateLimitBackend(ConfigNode limit) {
        ConfigNode backend = limit.get("backend");
        ConfigNode url = limit.get("redis_url");
        boolean redis = backend != null && "redis".equals(backend.text());
        if (redis && url == null) {
            error(backend, "backend redis needs redis_url, e.g. redis://127.0.0.1:6379");
        }
        ConfigNode caFile = limit.get("redis_ca_file");
        if (caFile == null) {
            return;
        }
        if (!redis || url == null) {
            error(caFile, "redis_ca_file is for backend redis with a rediss:// URL (TLS); remove it, or set backend: redis "
                    + "and redis_url");
        } else if (!url.text().toLowerCase(java.util.Locale.ROOT).startsWith("rediss")) {
            error(caFile, "redis_ca_file applies to TLS only, and redis_url does not start with rediss://, "
                    + "rediss-sentinel:// or rediss-cluster://; write the URL with rediss, or remove redis_ca_file");
        }
    }

    /** The keys each sink type reads, beside {@code type}: any other is an error naming the type. */
    private static final Map<String, List<String>> SINK_KEYS = new HashMap<String, List<String>>();

    static {
        SINK_KEYS.put("file", java.util.Arrays.asList("path", "max_size", "max_files", "hash_chain", "format"));
        SINK_KEYS.put("stdout", java.util.Collections.singletonList("format"));
        SINK_KEYS.put("stderr", java.util.Collections.singletonList("format"));
        SINK_KEYS.put("nats", java.util.Arrays.asList("url", "subject", "creds", "nkey_seed", "token", "user", "password",
                "tls", "create_stream", "stream", "buffer", "spill", "format"));
        SINK_KEYS.put("http", java.util.Arrays.asList("url", "format", "authorization", "tls", "buffer", "spill", "batch_size",
                "batch_bytes", "flush_interval"));
    }

    private void checkAudit(ConfigNode audit) {
        for (ConfigNode sink : ConfigNode.itemsAt(audit, "sinks")) {
            String type = sink.get("type").text();
            ConfigNode format = sink.get("format");
            if (format != null && "splunk_hec".equals(format.text()) && !"http".equals(type)) {
                error(format, "format splunk_hec is for http sinks (Splunk's HTTP Event Collector); a " + type
                        + " sink takes primus or ocsf");
            }
            if (format != null && "ocsf".equals(format.text()) && sink.get("hash_chain") != null
                    && !"false".equals(sink.get("hash_chain").text())) {
                error(sink.get("hash_chain"), "hash_chain links lines of the primus format; write the chained trail to a "
                        + "file sink of its own (format: primus) and OCSF to another sink");
            }
            if ("file".equals(type)) {
                requireKey(sink, "path", "a file sink needs path, e.g. /var/log/primus/audit.jsonl");
                ConfigNode key = sink.get("hash_chain") == null ? null : sink.get("hash_chain").get("key");
                if (key != null && key.text() != null && key.text().trim().length() < 32) {
                    error(key, "an audit chain key needs at least 32 characters (256 bits as hex or base64); "
                            + "make one with: head -c 32 /dev/urandom | base64");
                }
            } else if ("nats".equals(type)) {
                requireKey(sink, "url", "a nats sink needs url, e.g. nats://127.0.0.1:4222");
                requireKey(sink, "subject", "a nats sink needs subject, e.g. primus.audit");
                checkNatsAuth(sink);
                if (sink.get("create_stream") != null && "true".equals(sink.get("create_stream").text())) {
                    requireKey(sink, "stream", "create_stream needs the stream's name, e.g. stream: PRIMUS_AUDIT");
                }
            } else if ("http".equals(type)) {
                requireKey(sink, "url", "an http sink needs url, e.g. https://collector.example/ingest");
            }
            List<String> reads = SINK_KEYS.get(type);
            for (String key : sink.entries().keySet()) {
                if (reads != null && !"type".equals(key) && !reads.contains(key)) {
                    errors.add(new ConfigError(file, sink.keyLine(key), sink.keyPath(key),
                            "does not apply to a" + ("http".equals(type) ? "n " : " ") + type + " sink; remove it"));
                }
            }
        }
    }

    /** One way to authenticate to NATS at most: the server would take only one of them. */
    private void checkNatsAuth(final ConfigNode sink) {
        List<String> ways = new ArrayList<String>();
        for (String key : new String[] {"creds", "nkey_seed", "token", "user"}) {
            if (sink.get(key) != null) {
                ways.add(key);
            }
        }
        // The first in the file stands; each later one is the error, where it is written.
        Collections.sort(ways, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return Integer.compare(sink.keyLine(a), sink.keyLine(b));
            }
        });
        for (String key : ways.subList(Math.min(1, ways.size()), ways.size())) {
            errors.add(new ConfigError(file, sink.keyLine(key), sink.keyPath(key),
                    "a nats sink authenticates one way; " + ways.get(0) + " is set already, remove one of them"));
        }
        if (sink.get("user") != null) {
            requireKey(sink, "password", "user needs password, e.g. password: ${file:/run/secrets/nats-password}");
        } else if (sink.get("password") != null) {
            requireKey(sink, "user", "password needs user");
        }
    }

    private void requireKey(ConfigNode node, String key, String message) {
        if (node.get(key) == null) {
            error(node, message);
        }
    }

    private void reference(ConfigNode reference, Map<String, ConfigNode> defined, String what, String where) {
        if (!defined.containsKey(reference.text())) {
            String suggestion = Suggestions.closest(reference.text(), defined.keySet());
            error(reference, "no " + what + " with id " + reference.shown() + " in " + where
                    + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""));
        }
    }

    /** Reports every repeated id and returns the first node of each id. */
    private Map<String, ConfigNode> uniqueIds(List<ConfigNode> items, String idKey) {
        Map<String, ConfigNode> seen = new HashMap<String, ConfigNode>();
        for (ConfigNode item : items) {
            ConfigNode id = item.get(idKey);
            if (id == null) {
                continue;
            }
            ConfigNode first = seen.get(id.text());
            if (first != null) {
                error(id, "duplicate " + idKey + " " + id.shown() + " (first at line " + first.line() + "); ids must be unique");
            } else {
                seen.put(id.text(), id);
            }
        }
        return seen;
    }

    private static int count(ConfigNode node, String... keys) {
        int present = 0;
        for (String key : keys) {
            if (node.get(key) != null) {
                present++;
            }
        }
        return present;
    }

    private static ConfigNode child(ConfigNode node, String key) {
        return node == null ? null : node.get(key);
    }

    private void error(ConfigNode node, String message) {
        errors.add(new ConfigError(file, node.line(), node.path(), message));
    }
}
