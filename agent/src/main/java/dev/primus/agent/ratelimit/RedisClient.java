package dev.primus.agent.ratelimit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Runs scripts on the Redis of one {@code redis_url} (one server, a sentinel-named master, or a
 * cluster: {@link RedisTopology}), shared by every limiter that names the same URL and CA file:
 * pooled connections, each step bounded by a short timeout, and a breaker so an outage costs one
 * timeout per {@link #RETRY_NANOS}, not one per request.
 *
 * <p>While the endpoint is down every call fails at once with the last failure; after
 * {@link #RETRY_NANOS} one caller (the one that wins a CAS) tries again, asking the sentinels or
 * reading the slot map anew where the last failure calls for it, and success closes the breaker
 * for everyone.
 */
final class RedisClient implements Closeable {
    // Long enough for a loaded host to answer on a fresh connection; the breaker makes an outage
    // cost this once a second, not once a request.
    static final int DEFAULT_TIMEOUT_MILLIS = 250;
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisEndpoint endpoint;
    private final RedisTopology topology;
    private final LongSupplier nanoClock;
    /** Null while healthy; the hot path reads only this. */
    private final AtomicReference<Outage> outage = new AtomicReference<Outage>();

    /**
     * @param tls for the {@code rediss} schemes: trusts {@code redis_ca_file}'s CAs; null trusts
     *     the JVM's default trust store. Ignored for {@code redis}.
     */
    RedisClient(RedisEndpoint endpoint, SSLSocketFactory tls, int timeoutMillis, LongSupplier nanoClock) {
        this.endpoint = endpoint;
        this.topology = RedisTopology.of(endpoint, new RedisConnector(endpoint, tls, timeoutMillis));
        this.nanoClock = nanoClock;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Runs {@code script} on the server that holds its first key.
     *
     * @param keysAndArgs the keys, then the arguments; at least one key
     * @return the reply, a {@link RedisConnection.RedisError} included: Redis answered
     * @throws RedisUnavailableException when Redis could not be reached or did not answer in time
     */
    Object eval(RedisScript script, int numKeys, byte[]... keysAndArgs) throws RedisUnavailableException {
        Outage down = outage.get();
        if (down != null) {
            long now = nanoClock.getAsLong();
            if (now - down.retryAt < 0 || !outage.compareAndSet(down, new Outage(down.failure, now + RETRY_NANOS))) {
                throw down.failure;
            }
            // This caller probes; the others keep failing fast until it is done.
        }
        byte[][] command = new byte[3 + keysAndArgs.length][];
        command[2] = Integer.toString(numKeys).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(keysAndArgs, 0, command, 3, keysAndArgs.length);
        try {
            Object reply = topology.eval(script, command);
            if (down != null) {
                outage.set(null);
            }
            return reply;
        } catch (IOException e) {
            RedisUnavailableException failure = new RedisUnavailableException(endpoint + ": " + RedisConnection.describe(e));
            outage.set(new Outage(failure, nanoClock.getAsLong() + RETRY_NANOS));
            throw failure;
        }
    }

    /** Closes the idle connections; calls still in flight close theirs when done. */
    @Override
    public void close() {
        topology.close();
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }

    /** Redis is down or slow; the message names the endpoint and the cause, never a password. */
    static final class RedisUnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        RedisUnavailableException(String message) {
            super(message);
        }

        // Thrown to every caller during an outage and never printed with a trace: skip the walk.
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final class Outage {
        final RedisUnavailableException failure;
        final long retryAt;

        Outage(RedisUnavailableException failure, long retryAt) {
            this.failure = failure;
            this.retryAt = retryAt;
        }
    }
}
