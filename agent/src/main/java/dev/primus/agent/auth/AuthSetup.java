package dev.primus.agent.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.primus.agent.ratelimit.RateLimitSetup;
import dev.primus.agent.ratelimit.RateLimiter;
import dev.primus.config.AuthConfig;
import dev.primus.config.ConfigBindingException;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigNode;
import dev.primus.config.Formats;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
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
 * engine can refuse (a path pattern it cannot read, a JWKS file it cannot load, a jwks_uri keys
 * may not be fetched from, a provider this version lacks) is reported as
 * {@code FILE:LINE: path: message}, every problem at once. Binding reads files but never the
 * network: JWK sets served over HTTP are fetched later, by {@link RemoteJwkSet}.
 */
public final class AuthSetup {
    private static final Duration STRIPE_TOLERANCE = Duration.ofSeconds(300);
    private static final Duration PAYPAL_TOLERANCE = Duration.ofSeconds(300);

    private final AuthRules rules;
    private final ApiKeyVerifier apiKeys;
    private final Map<String, WebhookVerifier> webhooks;
    private final JwtVerifier jwt;
    private final List<RemoteJwkSet> remoteKeys;
    private final RateLimitSetup rateLimits;

    private AuthSetup(AuthRules rules, ApiKeyVerifier apiKeys, Map<String, WebhookVerifier> webhooks, JwtVerifier jwt,
                      List<RemoteJwkSet> remoteKeys, RateLimitSetup rateLimits) {
        this.rules = rules;
        this.rateLimits = rateLimits;
        this.apiKeys = apiKeys;
        this.webhooks = Collections.unmodifiableMap(webhooks);
        this.jwt = jwt;
        this.remoteKeys = remoteKeys;
    }

    /** Binds {@code config}, read from {@code file}; throws {@link AuthSetupException} naming every problem. */
    public static AuthSetup bind(AuthConfig config, String file, Clock clock) {
        return bind(config, file, clock, null);
    }

    /**
     * Binds a reloaded {@code config} next to {@code previous}, the setup running now (null at
     * start-up), keeping what did not change: the JWK sets of issuers whose id and key source are
     * the same (so their keys need no fetch before the next token), and the rate limiters whose
     * definitions are the same (so their buckets survive). Files ({@code jwks_file}, API keys,
     * webhook secrets) are read again.
     */
    public static AuthSetup bind(AuthConfig config, String file, Clock clock, AuthSetup previous) {
        return new Binder(file, clock, previous).bind(config);
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

    /** The {@code auth.rate_limits} by id, which rules name. */
    public Map<String, RateLimiter> rateLimits() {
        return rateLimits.limiters();
    }

    /**
     * Starts fetching the JWK sets of issuers with {@code jwks_uri} or discovery, on the
     * {@code primus-jwks} thread, and returns at once. Call it once the egress gate and the JDK
     * weaving are installed, so the fetches are judged like the app's; without it, each issuer's
     * first token starts them.
     */
    public void startKeyFetching() {
        for (RemoteJwkSet keys : remoteKeys) {
            keys.start();
        }
    }

    /**
     * After a reload put {@code successor} in force: stops the JWK sets and closes the Redis
     * connections it did not keep. Requests still in flight under this setup finish with the keys
     * and limiters they hold.
     */
    public void retire(AuthSetup successor) {
        for (RemoteJwkSet keys : remoteKeys) {
            if (successor == null || !successor.remoteKeys.contains(keys)) {
                keys.close();
            }
        }
        if (successor == null) {
            rateLimits.close();
        } else {
            rateLimits.retire(successor.rateLimits);
        }
    }

    /** The running JWK set of {@code source} ({@link RemoteJwkSet#source()}), or null. */
    private RemoteJwkSet remoteKeys(String source) {
        for (RemoteJwkSet keys : remoteKeys) {
            if (keys.source().equals(source)) {
                return keys;
            }
        }
        return null;
    }

    /**
     * Stops refreshing JWK sets (and the {@code primus-jwks} thread with the last of them), and
     * closes the rate limits' Redis connections: the JVM is stopping, or the agent stands down.
     */
    public void close() {
        for (RemoteJwkSet keys : remoteKeys) {
            keys.close();
        }
        rateLimits.close();
    }

    /** Every problem binding found, each as {@code FILE:LINE: path: message}. */
    public static final class AuthSetupException extends ConfigBindingException {
        private static final long serialVersionUID = 1L;

        AuthSetupException(List<ConfigError> errors) {
            super(errors);
        }
    }

    /** One binding: collects every problem instead of stopping at the first. */
    private static final class Binder {
        private final String file;
        private final Clock clock;
        private final List<ConfigError> errors = new ArrayList<ConfigError>();
        private final List<RemoteJwkSet> remoteKeys = new ArrayList<RemoteJwkSet>();
        private final AuthSetup previous;

        Binder(String file, Clock clock, AuthSetup previous) {
            this.file = file;
            this.clock = clock;
            this.previous = previous;
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
            RateLimitSetup rateLimits = null;
            try {
                rateLimits = RateLimitSetup.bind(config, file, previous == null ? null : previous.rateLimits);
            } catch (RateLimitSetup.RateLimitSetupException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new AuthSetupException(errors);
            }
            return new AuthSetup(new AuthRules(rules, config.defaultAllow()), apiKeys, webhooks,
                    issuers.isEmpty() ? null : new JwtVerifier(issuers, clock), remoteKeys, rateLimits);
        }

        private AuthRule rule(String id, ConfigNode node) {
            ConfigNode match = node.get("match");
            if (match.get("handler") != null && node.get("require").get("webhook") != null) {
                // Spring has bound nothing yet but may have read the body by then, and the
                // request it hands the handler cannot be swapped for one replaying it.
                error(node, "a webhook rule must match by path, not by handler: its signature is checked over the"
                        + " raw body before the app reads it; write match: { path: ... } for the webhook's URL");
                return null;
            }
            try {
                PathPattern path = match.get("path") == null ? null : PathPattern.parse(match.get("path").text());
                return new AuthRule(id, path, match.get("methods") == null ? null : words(match.get("methods")),
                        text(match, "handler"),
                        requirement(node.get("require")), text(node, "rate_limit"));
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
                if ("paypal".equals(provider)) {
                    return paypal(id, node);
                }
                error(node.get("provider"), "webhook " + id + ": provider " + provider
                        + " is not available in this version; use stripe, paypal or hmac_sha256");
                return null;
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private WebhookVerifier paypal(String id, ConfigNode node) {
            // webhook_id is required by the config's own checks; trust_anchor only here, where it is read.
            String trustAnchor = text(node, "trust_anchor");
            if (trustAnchor == null) {
                error(node, "webhook " + id + ": provider paypal needs trust_anchor, a PEM file with the CA "
                        + "certificate at the top of the chain PayPal serves at PAYPAL-CERT-URL");
                return null;
            }
            List<java.security.cert.X509Certificate> anchors;
            try {
                anchors = PayPalCertificateCheck.readTrustAnchors(new File(trustAnchor));
            } catch (java.io.IOException e) {
                error(node.get("trust_anchor"), "webhook " + id + ": cannot read a CA certificate from " + trustAnchor
                        + " (" + e.getMessage() + "); give a readable PEM file with -----BEGIN CERTIFICATE-----");
                return null;
            }
            ConfigNode tolerance = node.get("tolerance");
            return new PayPalSignatureVerifier(id, text(node, "webhook_id"), anchors, tolerance == null ? PAYPAL_TOLERANCE
                    : Duration.ofMillis(Formats.durationMillis(tolerance.text())), new HttpsCertificateFetcher(), clock);
        }

        private JwtIssuer issuer(ConfigNode node) {
            String id = text(node, "id");
            JWKSource<SecurityContext> keys = keys(id, node);
            if (keys == null) {
                return null;
            }
            try {
                JwtIssuer.Builder builder = JwtIssuer.builder(id, text(node, "issuer"), keys)
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
                if (node.get("principal_claim") != null) {
                    builder.principalClaim(text(node, "principal_claim"));
                }
                if ("at+jwt".equals(text(node, "token_type"))) {
                    builder.tokenType(JwtIssuer.TokenType.AT_JWT);
                }
                JwtIssuer issuer = builder.build();
                if (keys instanceof RemoteJwkSet) {
                    if (issuer.isSymmetric()) {
                        error(node.get("algorithms"), "auth.jwt " + id + ": HMAC algorithms verify with a shared secret,"
                                + " which is never fetched over HTTP; put it in a jwks_file only the app can read");
                        return null;
                    }
                    remoteKeys.add((RemoteJwkSet) keys);
                }
                return issuer;
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        /**
         * The issuer's keys: a {@code jwks_file} read now, else a set fetched over HTTP from
         * {@code jwks_uri}, or from the one the issuer's discovery document names. Nothing is
         * fetched here ({@link RemoteJwkSet} says why), so an IdP that is down is an outage at run
         * time, not a config error. Null, with the error reported, when the config names no keys
         * that can be had.
         */
        private JWKSource<SecurityContext> keys(String id, ConfigNode node) {
            String jwksFile = text(node, "jwks_file");
            String jwksUri = text(node, "jwks_uri");
            if (jwksFile != null && jwksUri != null) {
                error(node.get("jwks_uri"), "auth.jwt " + id + ": jwks_uri and jwks_file are both set; keep the one"
                        + " the issuer's keys come from");
                return null;
            }
            if (jwksFile != null) {
                try {
                    return new ImmutableJWKSet<SecurityContext>(JWKSet.load(new File(jwksFile)));
                } catch (java.io.IOException | java.text.ParseException e) {
                    error(node.get("jwks_file"), "cannot read a JWK set from " + jwksFile + ": " + e.getMessage());
                    return null;
                }
            }
            ConfigNode where = node.get(jwksUri != null ? "jwks_uri" : "issuer");
            RemoteJwkSet running = previous == null ? null
                    : previous.remoteKeys(RemoteJwkSet.source(id, jwksUri, text(node, "issuer")));
            if (running != null) {
                return running;
            }
            try {
                return jwksUri != null ? RemoteJwkSet.at(id, new URL(jwksUri), clock)
                        : RemoteJwkSet.discovered(id, text(node, "issuer"), clock);
            } catch (MalformedURLException e) {
                error(where, "auth.jwt " + id + ": jwks_uri " + jwksUri + " is not a URL (" + e.getMessage() + ")");
                return null;
            } catch (IllegalArgumentException e) {
                error(where, e.getMessage());
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
