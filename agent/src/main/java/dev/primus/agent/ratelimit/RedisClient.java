package dev.primus.agent.ratelimit;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs scripts on one Redis endpoint, shared by every limiter that names the same
 * {@code redis_url}: a small pool of connections, each step bounded by a short timeout, and a
 * breaker so an outage costs one timeout per {@link #RETRY_NANOS}, not one per request.
 *
 * <p>While the endpoint is down every call fails at once with the last failure; after
 * {@link #RETRY_NANOS} one caller (the one that wins a CAS) tries a fresh connection, and
 * success closes the breaker for everyone.
 */
final class RedisClient implements Closeable {
    // Long enough for a loaded host to answer on a fresh connection; the breaker makes an outage
    // cost this once a second, not once a request.
    static final int DEFAULT_TIMEOUT_MILLIS = 250;
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    // Connections kept between calls. More calls than this in flight at once open extra
    // connections, closed when returned: only past ~100k requests/s on one endpoint.
    private static final int MAX_IDLE = 8;
    private static final byte[] EVALSHA = "EVALSHA".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVAL = "EVAL".getBytes(StandardCharsets.US_ASCII);

    private final RedisEndpoint endpoint;
    private final int timeoutMillis;
    private final LongSupplier nanoClock;
    private final ArrayBlockingQueue<RedisConnection> idle = new ArrayBlockingQueue<RedisConnection>(MAX_IDLE);
    /** Null while healthy; the hot path reads only this. */
    private final AtomicReference<Outage> outage = new AtomicReference<Outage>();
    private volatile boolean closed;

    RedisClient(RedisEndpoint endpoint, int timeoutMillis, LongSupplier nanoClock) {
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
        this.nanoClock = nanoClock;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    /**
     * {@code EVALSHA}, and {@code EVAL} when Redis answers {@code NOSCRIPT} (restarted, failed
     * over, or {@code SCRIPT FLUSH}ed); {@code EVAL} caches the script again for the next call.
     *
     * @param keysAndArgs the keys, then the arguments
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
        command[1] = script.sha1();
        command[2] = Integer.toString(numKeys).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(keysAndArgs, 0, command, 3, keysAndArgs.length);
        try {
            Object reply = evalOn(script, command, true);
            if (down != null) {
                outage.set(null);
            }
            return reply;
        } catch (IOException e) {
            RedisUnavailableException failure = new RedisUnavailableException(endpoint + ": " + describe(e));
            outage.set(new Outage(failure, nanoClock.getAsLong() + RETRY_NANOS));
            throw failure;
        }
    }

    private Object evalOn(RedisScript script, byte[][] command, boolean mayRetry) throws IOException {
        RedisConnection connection = idle.poll();
        boolean pooled = connection != null;
        if (!pooled) {
            connection = RedisConnection.open(endpoint, timeoutMillis);
        }
        try {
            command[0] = EVALSHA;
            Object reply = connection.call(command);
            if (reply instanceof RedisConnection.RedisError && ((RedisConnection.RedisError) reply).isNoScript()) {
                command[0] = EVAL;
                command[1] = script.source();
                reply = connection.call(command);
            }
            release(connection);
            return reply;
        } catch (IOException e) {
            connection.close();
            if (pooled && mayRetry && !(e instanceof SocketTimeoutException)) {
                // A pooled connection Redis closed (restart, idle timeout) says nothing about Redis
                // now: the others are as stale, so drop them and try once on a fresh one. A slow
                // Redis is not retried: that would double the wait.
                drainIdle();
                command[1] = script.sha1();
                return evalOn(script, command, false);
            }
            throw e;
        }
    }

    private void release(RedisConnection connection) {
        if (closed || !idle.offer(connection)) {
            connection.close();
        }
    }

    private void drainIdle() {
        RedisConnection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer within the timeout (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Closes the idle connections; calls still in flight close theirs when done. */
    @Override
    public void close() {
        closed = true;
        drainIdle();
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
