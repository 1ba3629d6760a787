package dev.primus.agent.ratelimit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code redis-sentinel://} URL: scripts run on the master the sentinels name.
 *
 * <p>The sentinels are asked in the URL's order with {@code SENTINEL get-master-addr-by-name},
 * and the first answer wins: once a failover is over they agree, and asking a quorum would cost
 * round trips for a disagreement the {@code ROLE} check on every new master connection catches
 * anyway. The answer is kept until the master fails: a lost or refused connection, a
 * {@code ROLE} other than master, or {@code READONLY} (a demoted master refusing the script's
 * write). Then the failing call asks the sentinels again, once, and runs on the new master if
 * they name another: a failover moved it. While they still name the failed one, the call fails,
 * and {@link RedisClient}'s breaker keeps the next tries to one a second.
 */
final class RedisSentinelMaster implements RedisTopology {
    private final List<RedisAddress> sentinels;
    private final String masterName;
    private final RedisConnector connector;
    private final AtomicReference<RedisNode> master = new AtomicReference<RedisNode>();
    private final Object lookup = new Object();
    private volatile boolean closed;

    RedisSentinelMaster(List<RedisAddress> sentinels, String masterName, RedisConnector connector) {
        this.sentinels = sentinels;
        this.masterName = masterName;
        this.connector = connector;
    }

    @Override
    public Object eval(RedisScript script, byte[][] command) throws IOException {
        RedisNode known = master();
        String failure;
        try {
            Object reply = known.eval(script, command, false);
            if (!(reply instanceof RedisConnection.RedisError) || !((RedisConnection.RedisError) reply).isReadOnly()) {
                return reply;
            }
            failure = failure(known, "refused the script's write (" + reply + ")");
        } catch (IOException e) {
            failure = failure(known, RedisConnection.describe(e));
        }
        forget(known);
        RedisNode now;
        try {
            now = master();
        } catch (IOException e) {
            throw new IOException(failure + "; asked again, " + e.getMessage(), e);
        }
        if (now.address().equals(known.address())) {
            throw new IOException(failure + "; the sentinels still name it");
        }
        try {
            return now.eval(script, command, false);
        } catch (IOException e) {
            forget(now);
            throw new IOException(failure + "; then " + failure(now, RedisConnection.describe(e)), e);
        }
    }

    private String failure(RedisNode node, String why) {
        return "master " + node + " of " + masterName + ": " + why;
    }

    private RedisNode master() throws IOException {
        RedisNode known = master.get();
        if (known != null) {
            return known;
        }
        synchronized (lookup) { // one caller asks the sentinels; the others take its answer
            known = master.get();
            if (known == null) {
                known = new RedisNode(askSentinels(), address -> connector.master(address, masterName));
                if (closed) {
                    known.close(); // still works, without keeping connections
                }
                master.set(known);
            }
            return known;
        }
    }

    private void forget(RedisNode node) {
        if (master.compareAndSet(node, null)) {
            node.close();
        }
    }

    private RedisAddress askSentinels() throws IOException {
        StringBuilder failures = new StringBuilder();
        for (RedisAddress sentinel : sentinels) {
            try (RedisConnection connection = connector.sentinel(sentinel)) {
                Object reply = connection.call("SENTINEL", "get-master-addr-by-name", masterName);
                RedisAddress address = address(reply);
                if (address != null) {
                    return address;
                }
                failures.append("; ").append(sentinel).append(reply == null
                        ? " knows no master named " + masterName + " (the name of a `sentinel monitor` line)"
                        : " answered " + reply);
            } catch (IOException e) {
                failures.append("; ").append(sentinel).append(": ").append(RedisConnection.describe(e));
            }
        }
        throw new IOException("no sentinel named the master of " + masterName + " (" + failures.substring(2) + ")");
    }

    /** {@code [host, port]}, or null for anything else. */
    private static RedisAddress address(Object reply) {
        if (!(reply instanceof List) || ((List<?>) reply).size() != 2) {
            return null;
        }
        String host = RedisConnector.text(((List<?>) reply).get(0));
        String port = RedisConnector.text(((List<?>) reply).get(1));
        return host == null || port == null ? null : RedisAddress.fromReply(host + ":" + port);
    }

    @Override
    public void close() {
        closed = true;
        RedisNode known = master.getAndSet(null);
        if (known != null) {
            known.close();
        }
    }
}
