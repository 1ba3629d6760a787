package dev.primus.agent.ratelimit;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One Redis server the client sends commands to, with its idle connections: the single server,
 * the master the sentinels named, or one cluster node. Runs a script by {@code EVALSHA},
 * falling back to {@code EVAL} on {@code NOSCRIPT}, each server keeping its own script cache.
 */
final class RedisNode implements Closeable {
    // Connections kept between calls. More calls than this in flight at once open extra
    // connections, closed when returned: only past ~100k requests/s on one server.
    private static final int MAX_IDLE = 8;
    private static final byte[] EVALSHA = ascii("EVALSHA");
    private static final byte[] EVAL = ascii("EVAL");
    private static final byte[] ASKING = ascii("ASKING");

    /** How this node's connections are opened and logged in. */
    interface Opener {
        RedisConnection open(RedisAddress address) throws IOException;
    }

    private final RedisAddress address;
    private final Opener opener;
    private final ArrayBlockingQueue<RedisConnection> idle = new ArrayBlockingQueue<RedisConnection>(MAX_IDLE);
    private volatile boolean closed;

    RedisNode(RedisAddress address, Opener opener) {
        this.address = address;
        this.opener = opener;
    }

    RedisAddress address() {
        return address;
    }

    /**
     * {@code EVALSHA}, and {@code EVAL} when the server answers {@code NOSCRIPT} (restarted, failed
     * over, a new cluster node, or {@code SCRIPT FLUSH}ed); {@code EVAL} caches the script again.
     *
     * @param command room for the command name and the script at 0 and 1, then numkeys, keys, args
     * @param asking send {@code ASKING} first, as an {@code ASK} redirection requires
     * @return the reply, error replies included
     */
    Object eval(RedisScript script, byte[][] command, boolean asking) throws IOException {
        return exchange(script, command, asking, true);
    }

    /** One command other than a script, e.g. {@code CLUSTER SLOTS}. */
    Object call(String... command) throws IOException {
        byte[][] bytes = new byte[command.length][];
        for (int i = 0; i < command.length; i++) {
            bytes[i] = command[i].getBytes(StandardCharsets.UTF_8);
        }
        return exchange(null, bytes, false, true);
    }

    private Object exchange(RedisScript script, byte[][] command, boolean asking, boolean mayRetry) throws IOException {
        RedisConnection connection = idle.poll();
        boolean pooled = connection != null;
        if (!pooled) {
            connection = opener.open(address);
        }
        try {
            Object reply = script == null ? connection.call(command) : evalOn(connection, script, command, asking);
            release(connection);
            return reply;
        } catch (IOException e) {
            connection.close();
            if (pooled && mayRetry && !(e instanceof SocketTimeoutException)) {
                // A pooled connection the server closed (restart, idle timeout, a sentinel's CLIENT
                // KILL) says nothing about the server now: the others are as stale, so drop them and
                // try once on a fresh one. A slow server is not retried: that would double the wait.
                drainIdle();
                return exchange(script, command, asking, false);
            }
            throw e;
        }
    }

    private static Object evalOn(RedisConnection connection, RedisScript script, byte[][] command, boolean asking)
            throws IOException {
        command[0] = EVALSHA;
        command[1] = script.sha1();
        askIfAsking(connection, asking);
        Object reply = connection.call(command);
        if (reply instanceof RedisConnection.RedisError && ((RedisConnection.RedisError) reply).isNoScript()) {
            command[0] = EVAL;
            command[1] = script.source();
            askIfAsking(connection, asking); // ASKING holds for the next command only
            reply = connection.call(command);
        }
        return reply;
    }

    private static void askIfAsking(RedisConnection connection, boolean asking) throws IOException {
        if (asking) {
            Object reply = connection.call(ASKING);
            if (!"OK".equals(reply)) {
                throw new IOException("ASKING refused: " + reply);
            }
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

    /** Closes the idle connections; calls still in flight close theirs when done. */
    @Override
    public void close() {
        closed = true;
        drainIdle();
    }

    @Override
    public String toString() {
        return address.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
