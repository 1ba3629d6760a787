package dev.primus.agent.ratelimit;

import dev.primus.agent.audit.TrustedCas;
import dev.primus.config.AuthConfig;
import dev.primus.config.ConfigBindingException;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigNode;
import java.io.Closeable;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * The validated {@code auth.rate_limits} bound to limiters by id. The schema has already checked
 * shapes, ids and references; what only the engine can refuse (a {@code redis_url} it cannot
 * use, a {@code redis_ca_file} it cannot read, a capacity past {@link RateLimit#MAX_CAPACITY})
 * is reported as {@code FILE:LINE: path: message}, every problem at once. Nothing connects here:
 * Redis is first reached by the first decision.
 *
 * <p>A reload binds again with the running setup as {@code previous}: a limit whose definition
 * is unchanged keeps its limiter, so its buckets (and its Redis connections) survive the reload.
 */
public final class RateLimitSetup implements Closeable {
    private final Map<String, RateLimiter> limiters;
    /** Each limit's definition as written, by id: what a reload compares to keep a limiter. */
    private final Map<String, String> definitions;
    private final List<RedisClient> clients;

    private RateLimitSetup(Map<String, RateLimiter> limiters, Map<String, String> definitions, List<RedisClient> clients) {
        this.limiters = Collections.unmodifiableMap(limiters);
        this.definitions = definitions;
        this.clients = clients;
    }

    /** Binds the {@code rate_limits} of {@code config}, read from {@code file}. */
    public static RateLimitSetup bind(AuthConfig config, String file) {
        return bind(config, file, null);
    }

    /**
     * Binds the {@code rate_limits} of a reloaded {@code config}, keeping the limiters of
     * {@code previous} (null at start-up) whose definitions did not change.
     */
    public static RateLimitSetup bind(AuthConfig config, String file, RateLimitSetup previous) {
        return bind(config == null ? null : config.section(), file, System::nanoTime, previous);
    }

    /**
     * @param auth the {@code auth} section, or null
     * @throws RateLimitSetupException naming every problem
     */
    static RateLimitSetup bind(ConfigNode auth, String file, LongSupplier nanoClock, RateLimitSetup previous) {
        return new Binder(file, nanoClock, previous).bind(auth);
    }

    /** The limiter a rule's {@code rate_limit: ID} names, or null when there is none by that id. */
    public RateLimiter limiter(String id) {
        return limiters.get(id);
    }

    /** Every limiter by id, in file order. */
    public Map<String, RateLimiter> limiters() {
        return limiters;
    }

    /** Closes the Redis connections; the limiters keep working, reconnecting per call. */
    @Override
    public void close() {
        for (RedisClient client : clients) {
            client.close();
        }
    }

    /** After a reload: closes the Redis connections {@code successor} no longer uses. */
    public void retire(RateLimitSetup successor) {
        for (RedisClient client : clients) {
            if (!successor.clients.contains(client)) {
                client.close();
            }
        }
    }

    /** Every problem binding found, each as {@code FILE:LINE: path: message}. */
    public static final class RateLimitSetupException extends ConfigBindingException {
        private static final long serialVersionUID = 1L;

        RateLimitSetupException(List<ConfigError> errors) {
            super(errors);
        }
    }

    private static final class Binder {
        private final String file;
        private final LongSupplier nanoClock;
        private final List<ConfigError> errors = new ArrayList<ConfigError>();
        // Limits naming one redis_url (and CA file) share its connections and its breaker.
        private final Map<String, RedisClient> clients = new LinkedHashMap<String, RedisClient>();
        private final RateLimitSetup previous;

        Binder(String file, LongSupplier nanoClock, RateLimitSetup previous) {
            this.file = file;
            this.nanoClock = nanoClock;
            this.previous = previous;
        }

        RateLimitSetup bind(ConfigNode auth) {
            Map<String, RateLimiter> limiters = new LinkedHashMap<String, RateLimiter>();
            Map<String, String> definitions = new LinkedHashMap<String, String>();
            for (ConfigNode node : ConfigNode.itemsAt(auth, "rate_limits")) {
                String definition = definition(node);
                RateLimiter limiter = kept(text(node, "id"), definition, node);
                if (limiter == null) {
                    limiter = limiter(node);
                }
                if (limiter != null) {
                    limiters.put(limiter.limit().id(), limiter);
                    definitions.put(limiter.limit().id(), definition);
                }
            }
            if (!errors.isEmpty()) {
                for (RedisClient client : clients.values()) {
                    if (previous == null || !previous.clients.contains(client)) {
                        client.close();
                    }
                }
                throw new RateLimitSetupException(errors);
            }
            return new RateLimitSetup(limiters, definitions, new ArrayList<RedisClient>(clients.values()));
        }

        /** What makes two limits the same limit: every key of its entry, as bound. */
        private static String definition(ConfigNode node) {
            StringBuilder definition = new StringBuilder();
            for (String key : new String[] {"key", "capacity", "refill_per_second", "backend", "redis_url", "redis_ca_file"}) {
                definition.append(key).append('=').append(text(node, key)).append('\n');
            }
            return definition.toString();
        }

        /** The running limiter of an unchanged definition, its Redis client carried over with it; else null. */
        private RateLimiter kept(String id, String definition, ConfigNode node) {
            if (previous == null || !definition.equals(previous.definitions.get(id))) {
                return null;
            }
            RateLimiter limiter = previous.limiters.get(id);
            if (limiter instanceof RedisRateLimiter) {
                clients.put(clientKey(node), ((RedisRateLimiter) limiter).client());
            }
            return limiter;
        }

        private RateLimiter limiter(ConfigNode node) {
            RateLimit limit = limit(node);
            boolean redis = "redis".equals(text(node, "backend"));
            if (!redis) {
                return limit == null ? null : new LocalRateLimiter(limit, nanoClock, LocalRateLimiter.DEFAULT_MAX_KEYS);
            }
            RedisClient client = client(node);
            return limit == null || client == null ? null : new RedisRateLimiter(limit, client);
        }

        private RateLimit limit(ConfigNode node) {
            String id = text(node, "id");
            ConfigNode capacity = node.get("capacity");
            long tokens;
            try {
                tokens = Long.parseLong(capacity.text());
            } catch (NumberFormatException e) {
                tokens = Long.MAX_VALUE; // digits past a long: too large, said below
            }
            if (tokens > RateLimit.MAX_CAPACITY) {
                error(capacity, "rate limit " + id + ": capacity " + capacity.text() + " is larger than "
                        + RateLimit.MAX_CAPACITY + "; capacity is the burst a key may send at once");
                return null;
            }
            try {
                return new RateLimit(id, RateLimitKey.fromWord(text(node, "key")), tokens,
                        Double.parseDouble(text(node, "refill_per_second")));
            } catch (IllegalArgumentException e) {
                error(node, e.getMessage());
                return null;
            }
        }

        private RedisClient client(ConfigNode node) {
            ConfigNode url = node.get("redis_url");
            if (url == null) {
                error(node.get("backend"), "backend redis needs redis_url, e.g. redis://127.0.0.1:6379");
                return null;
            }
            ConfigNode caFile = node.get("redis_ca_file");
            String clientKey = clientKey(node);
            RedisClient client = clients.get(clientKey);
            if (client == null) {
                RedisEndpoint endpoint;
                try {
                    endpoint = RedisEndpoint.parse(url.text());
                } catch (IllegalArgumentException e) {
                    error(url, e.getMessage()); // parse never puts the URL in its message
                    return null;
                }
                SSLSocketFactory tls = null;
                if (caFile != null && endpoint.tls()) { // on a redis:// URL, SemanticChecks has said so
                    try {
                        tls = TrustedCas.from(caFile.text()).getSocketFactory();
                    } catch (GeneralSecurityException | IOException e) {
                        // A path from a substitution is not shown, like any substituted value.
                        error(caFile, "cannot trust the CA certificates of " + caFile.shown() + " ("
                                + (caFile.secret() ? e.getClass().getSimpleName() : e.getMessage())
                                + "); give a PEM file of the CA certificates that sign the Redis servers' certificates");
                        return null;
                    }
                }
                client = new RedisClient(endpoint, tls, RedisClient.DEFAULT_TIMEOUT_MILLIS, nanoClock);
                clients.put(clientKey, client);
            }
            return client;
        }

        /** One client per URL and CA file: a CA file changes which servers are trusted. */
        private static String clientKey(ConfigNode node) {
            return text(node, "redis_url") + "\n" + (node.get("redis_ca_file") == null ? "" : text(node, "redis_ca_file"));
        }

        private void error(ConfigNode node, String message) {
            errors.add(new ConfigError(file, node.line(), node.path(), message));
        }

        private static String text(ConfigNode node, String key) {
            ConfigNode value = node.get(key);
            return value == null ? null : value.text();
        }
    }
}
