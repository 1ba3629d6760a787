package dev.primus.agent.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.primus.config.AuthConfig;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigNode;
import dev.primus.config.Formats;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated {@code auth} section bound to the engine's parts: rules, API keys, webhook
 * verifiers and JWT issuers. The schema has already checked shapes and references; what only the
 * engine can refuse (a path pattern it cannot read, a JWKS file it cannot load, a provider this
 * version lacks) is reported as {@code FILE:LINE: path: message}, every problem at once.
 */
public final class AuthSetup {
    private static final Duration STRIPE_TOLERANCE = Duration.ofSeconds(300);

    private final AuthRules rules;
    private final ApiKeyVerifier apiKeys;
    private final Map<String, WebhookVerifier> webhooks;
    private final JwtVerifier jwt;

    private AuthSetup(AuthRules rules, ApiKeyVerifier apiKeys, Map<String, WebhookVerifier> webhooks, JwtVerifier jwt) {
        this.rules = rules;
        this.apiKeys = apiKeys;
        this.webhooks = Collections.unmodifiableMap(webhooks);
        this.jwt = jwt;
    }

    /** Binds {@code config}, read from {@code file}; throws {@link AuthSetupException} naming every problem. */
    public static AuthSetup bind(AuthConfig config, String file, Clock clock) {
        return new Binder(file, clock).bind(config);
    }

    public AuthRules rules() {
        return rules;
    }

    /** Null when the config has no {@code api_keys}. */
    public ApiKeyVerifier apiKeys() {
        return apiKeys;
    }

    /** Webhook verifiers by id. */
    public Map<String, WebhookVerifier> webhooks() {
        return webhooks;
    }

    /** Null when the config has no {@code jwt} issuers. */
    public JwtVerifier jwt() {
        return jwt;
    }

    /** Every problem binding found, each as {@code FILE:LINE: path: message}. */
    public static final class AuthSetupException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<ConfigError> errors;

        AuthSetupException(List<ConfigError> errors) {
            super(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            this.errors = Collections.unmodifiableList(errors);
        }

        public List<ConfigError> errors() {
            return errors;
        }
    }

    /** One binding: collects every problem instead of stopping at the first. */
    private static final class Binder {
        private final String file;
        private final Clock clock;
        private final List<ConfigError> errors = new ArrayList<ConfigError>();

        Binder(String file, Clock clock) {
            this.file = file;
            this.clock = clock;
        }

        AuthSetup bind(AuthConfig config) {
            ConfigNode auth = config.section();
            List<AuthRule> rules = new ArrayList<AuthRule>();
            List<ConfigNode> ruleNodes = ConfigNode.itemsAt(auth, "rules");
            for (int i = 0; i < ruleNodes.size(); i++) {
                AuthRule rule = rule("auth.rules[" + i + "]", ruleNodes.get(i));
                if (rule != null) {
                    rules.add(rule);
                }
            }
            ApiKeyVerifier apiKeys = apiKeys(auth == null ? null : auth.get("api_keys"));
            Map<String, WebhookVerifier> webhooks = new LinkedHashMap<String, WebhookVerifier>();
            for (ConfigNode webhook : ConfigNode.itemsAt(auth, "webhooks")) {
                WebhookVerifier verifier = webhook(webhook);
                if (verifier != null) {
                    webhooks.put(text(webhook, "id"), verifier);
                }
            }
            List<JwtIssuer> issuers = new ArrayList<JwtIssuer>();
            for (ConfigNode issuer : ConfigNode.itemsAt(auth, "jwt")) {
                JwtIssuer bound = issuer(issuer);
                if (bound != null) {
                    issuers.add(bound);
                }
            }
            if (!errors.isEmpty()) {
                // In file order, as validate prints schema errors.
                Collections.sort(errors, new java.util.Comparator<ConfigError>() {
                    @Override
                    public int compare(ConfigError a, ConfigError b) {
                        return Integer.compare(a.line(), b.line());
                    }
                });
                throw new AuthSetupException(errors);
            }
            return new AuthSetup(new AuthRules(rules, config.defaultAllow()), apiKeys, webhooks,
                    issuers.isEmpty() ? null : new JwtVerifier(issuers, clock));
        }

        private AuthRule rule(String id, ConfigNode node) {
            ConfigNode match = node.get("match");
            try {
                PathPattern path = match.get("path") == null ? null : PathPattern.parse(match.get("path").text());
                return new AuthRule(id, path, match.get("methods") == null ? null : words(match.get("methods")),
                        text(match, "handler"),
                        requirement(node.get("require")));
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private static Requirement requirement(ConfigNode require) {
            if (require.isScalar()) {
                return "public".equals(require.text()) ? Requirement.publicAccess() : Requirement.denied();
            }
            if (require.get("webhook") != null) {
                return Requirement.webhook(require.get("webhook").text());
            }
            List<CredentialKind> kinds = new ArrayList<CredentialKind>();
            for (String word : words(require.get("any_of"))) {
                kinds.add(CredentialKind.fromWord(word));
            }
            return Requirement.anyOf(kinds, words(require.get("scopes")));
        }

        private ApiKeyVerifier apiKeys(ConfigNode node) {
            if (node == null) {
                return null;
            }
            List<ApiKey> keys = new ArrayList<ApiKey>();
            for (ConfigNode key : ConfigNode.itemsAt(node, "keys")) {
                try {
                    keys.add(new ApiKey(text(key, "id"), text(key, "sha256"), text(key, "tenant"), words(key.get("scopes"))));
                } catch (IllegalArgumentException e) {
                    error(key, e.getMessage());
                }
            }
            String header = text(node, "header");
            try {
                return new ApiKeyVerifier(header == null ? "X-API-Key" : header, keys);
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private WebhookVerifier webhook(ConfigNode node) {
            String id = text(node, "id");
            String provider = text(node, "provider");
            try {
                if ("stripe".equals(provider)) {
                    ConfigNode tolerance = node.get("tolerance");
                    return new StripeSignatureVerifier(id, text(node, "secret"), tolerance == null ? STRIPE_TOLERANCE
                            : Duration.ofMillis(Formats.durationMillis(tolerance.text())), clock);
                }
                if ("hmac_sha256".equals(provider)) {
                    String header = text(node, "header");
                    if (header == null) {
                        error(node, "webhook " + id + ": provider hmac_sha256 needs header, the one carrying the signature");
                        return null;
                    }
                    return new HmacSignatureVerifier(id, text(node, "secret"), header, text(node, "prefix"),
                            "base64".equals(text(node, "encoding")) ? HmacSignatureVerifier.Encoding.BASE64
                                    : HmacSignatureVerifier.Encoding.HEX);
                }
                error(node.get("provider"), "webhook " + id + ": provider " + provider
                        + " is not available in this version; use stripe or hmac_sha256");
                return null;
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private JwtIssuer issuer(ConfigNode node) {
            String id = text(node, "id");
            String jwksFile = text(node, "jwks_file");
            if (jwksFile == null) {
                error(node, "auth.jwt " + id + ": only jwks_file is available in this version (JWKS fetched from "
                        + "jwks_uri or by discovery comes next); save the issuer's JWKS to a file");
                return null;
            }
            try {
                JWKSet keys = JWKSet.load(new File(jwksFile));
                JwtIssuer.Builder builder = JwtIssuer.builder(id, text(node, "issuer"),
                        new ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext>(keys))
                        .audiences(words(node.get("audiences")));
                if (node.get("algorithms") != null) {
                    builder.algorithms(words(node.get("algorithms")));
                }
                if (node.get("clock_skew") != null) {
                    builder.clockSkew(Duration.ofMillis(Formats.durationMillis(text(node, "clock_skew"))));
                }
                if (node.get("scopes_claim") != null) {
                    builder.scopesClaim(text(node, "scopes_claim"));
                }
                if (node.get("tenant_claim") != null) {
                    builder.tenantClaim(text(node, "tenant_claim"));
                }
                if ("at+jwt".equals(text(node, "token_type"))) {
                    builder.tokenType(JwtIssuer.TokenType.AT_JWT);
                }
                return builder.build();
            } catch (java.io.IOException | java.text.ParseException e) {
                error(node.get("jwks_file"), "cannot read a JWK set from " + jwksFile + ": " + e.getMessage());
                return null;
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private void error(ConfigNode node, String message) {
            errors.add(new ConfigError(file, node.line(), node.path(), message));
        }

        private static List<String> words(ConfigNode list) {
            List<String> words = new ArrayList<String>();
            if (list != null) {
                for (ConfigNode item : list.items()) {
                    words.add(item.text());
                }
            }
            return words;
        }

        private static String text(ConfigNode node, String key) {
            ConfigNode value = node == null ? null : node.get(key);
            return value == null ? null : value.text();
        }
    }
}
