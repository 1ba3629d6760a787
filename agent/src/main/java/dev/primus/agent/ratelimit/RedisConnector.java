package dev.primus.agent.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens logged-in connections to the servers of one {@code redis_url}: TCP, TLS for the
 * {@code rediss} schemes, {@code AUTH} with the URL's userinfo, {@code SELECT} of its database.
 *
 * <p>Sentinels get the same credentials: a sentinel with {@code requirepass} (or that ACL user)
 * takes them, and one with no password at all answers "called without any password configured",
 * which is no refusal. A sentinel password different from the data password is not supported
 * (it would need a second secret in the config): give the sentinels the same one, or none.
 */
final class RedisConnector {
    private final RedisEndpoint endpoint;
    private final int timeoutMillis;
    /** Null for the {@code redis} schemes, and for the JVM default until the first connection. */
    private volatile SSLSocketFactory tls;

    /**
     * @param tls for the {@code rediss} schemes: trusts {@code redis_ca_file}'s CAs; null trusts
     *     the JVM's default trust store. Ignored for the {@code redis} schemes.
     */
    RedisConnector(RedisEndpoint endpoint, SSLSocketFactory tls, int timeoutMillis) {
        this.endpoint = endpoint;
        this.tls = endpoint.tls() ? tls : null;
        this.timeoutMillis = timeoutMillis;
    }

    private SSLSocketFactory tls() {
        SSLSocketFactory factory = tls;
        if (factory == null && endpoint.tls()) {
            // Taken at the first connection, not when the config is bound: that may be in premain,
            // where initializing JSSE's default context is work the app's startup need not wait for.
            factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            tls = factory;
        }
        return factory;
    }

    /** A data node: logged in, its database selected. */
    RedisConnection data(RedisAddress address) throws IOException {
        RedisConnection connection = RedisConnection.open(address, tls(), timeoutMillis);
        try {
            if (endpoint.password() != null) {
                expectOk(auth(connection), "AUTH");
            }
            if (endpoint.db() != 0) {
                expectOk(connection.call("SELECT", Integer.toString(endpoint.db())), "SELECT " + endpoint.db());
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The server a sentinel named as master of {@code masterName}, checked to be one: right after
     * a failover, or when sentinels disagree, the address may still be a replica's.
     */
    RedisConnection master(RedisAddress address, String masterName) throws IOException {
        RedisConnection connection = data(address);
        try {
            Object role = connection.call("ROLE");
            String first = role instanceof List && !((List<?>) role).isEmpty() ? text(((List<?>) role).get(0)) : null;
            if (!"master".equals(first)) {
                throw new IOException("named master of " + masterName + " by the sentinels, it answers ROLE "
                        + (first != null ? first : String.valueOf(role)) + ": a failover is under way or the sentinels "
                        + "disagree");
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A sentinel: logged in when it has a password, no database. */
    RedisConnection sentinel(RedisAddress address) throws IOException {
        RedisConnection connection = RedisConnection.open(address, tls(), timeoutMillis);
        try {
            if (endpoint.password() != null) {
                Object reply = auth(connection);
                boolean noPasswordThere = reply instanceof RedisConnection.RedisError
                        && ((RedisConnection.RedisError) reply).message().contains("without any password configured");
                if (!noPasswordThere) {
                    expectOk(reply, "AUTH to sentinel");
                }
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Object auth(RedisConnection connection) throws IOException {
        return endpoint.user() == null ? connection.call("AUTH", endpoint.password())
                : connection.call("AUTH", endpoint.user(), endpoint.password());
    }

    private static void expectOk(Object reply, String command) throws IOException {
        if (!"OK".equals(reply)) {
            // Redis's own error text (WRONGPASS ..., ERR DB index is out of range) names no secret.
            throw new IOException(command + " refused: " + reply);
        }
    }

    /** A bulk or simple string reply as text; null for anything else. */
    static String text(Object reply) {
        if (reply instanceof byte[]) {
            return new String((byte[]) reply, StandardCharsets.UTF_8);
        }
        return reply instanceof String ? (String) reply : null;
    }
}
