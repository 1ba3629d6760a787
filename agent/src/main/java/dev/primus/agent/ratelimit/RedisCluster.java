package dev.primus.agent.ratelimit;

import dev.primus.agent.ratelimit.RedisConnection.RedisError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code redis-cluster://} URL: each script runs on the master that owns its key's
 * {@link RedisSlot slot}. A limit's script touches one key, so one slot: a bucket never spans
 * nodes, whatever its key holds, and needs no hash tag.
 *
 * <p>The slot map comes from {@code CLUSTER SLOTS} (Redis 3 to 7; {@code CLUSTER SHARDS} is 7
 * only), asked of the nodes of the last map and then the seeds, the first answer winning. It is
 * read on the first call, again when a node answers {@code MOVED} (a slot moved for good:
 * resharding, a failover), and on the call after a node failed (a replica may have taken its
 * place). {@code ASK} (a slot migrating, the key maybe moved already) sends that one command to
 * the other node after {@code ASKING}, and leaves the map alone. At most
 * {@value #MAX_REDIRECTS} redirections a call, so two nodes disagreeing cannot loop.
 *
 * <p>The map is an array of 16384 addresses, read without a lock; a refresh replaces it whole,
 * one caller at a time, the others taking its result. One breaker for the whole cluster
 * ({@link RedisClient}): with the default {@code cluster-require-full-coverage yes}, a master
 * lost before its failover stops the whole cluster anyway.
 */
final class RedisCluster implements RedisTopology {
    static final int MAX_REDIRECTS = 5;

    private final List<RedisAddress> seeds;
    private final RedisConnector connector;
    private final Map<RedisAddress, RedisNode> nodes = new ConcurrentHashMap<RedisAddress, RedisNode>();
    /** Null until read, and after a node failed. */
    private final AtomicReference<RedisAddress[]> slots = new AtomicReference<RedisAddress[]>();
    /** The masters of the last map read, asked first for the next. */
    private volatile List<RedisAddress> known = new ArrayList<RedisAddress>();
    private final Object refresh = new Object();
    private volatile boolean closed;

    RedisCluster(List<RedisAddress> seeds, RedisConnector connector) {
        this.seeds = seeds;
        this.connector = connector;
    }

    @Override
    public Object eval(RedisScript script, byte[][] command) throws IOException {
        int slot = RedisSlot.of(command[3]);
        RedisAddress[] map = slots.get();
        if (map == null) {
            map = refresh(null);
        }
        RedisAddress target = map[slot];
        if (target == null) {
            map = refresh(map);
            target = map[slot];
            if (target == null) {
                throw new IOException("no node serves slot " + slot + " in the cluster's slot map: the cluster is being "
                        + "formed or resharded, or lost a master");
            }
        }
        boolean asking = false;
        for (int redirects = 0; ; redirects++) {
            Object reply;
            try {
                reply = node(target).eval(script, command, asking);
            } catch (IOException e) {
                slots.compareAndSet(map, null);
                throw new IOException("node " + target + ": " + RedisConnection.describe(e), e);
            }
            if (!(reply instanceof RedisError) || redirects == MAX_REDIRECTS) {
                return reply;
            }
            RedisError error = (RedisError) reply;
            RedisAddress to = error.redirectTarget();
            if (error.isMoved()) {
                map = refresh(map);
                asking = false;
                if (to == null) {
                    to = map[slot];
                }
            } else if (error.isAsk()) {
                asking = true;
            } else {
                return reply;
            }
            if (to == null) {
                return reply; // nowhere to go: the error reply is the backend error
            }
            target = to;
        }
    }

    /** A new map, unless another caller replaced {@code seen} already: then that one. */
    private RedisAddress[] refresh(RedisAddress[] seen) throws IOException {
        synchronized (refresh) {
            RedisAddress[] current = slots.get();
            if (current != null && current != seen) {
                return current;
            }
            Set<RedisAddress> candidates = new LinkedHashSet<RedisAddress>(known);
            candidates.addAll(seeds);
            StringBuilder failures = new StringBuilder();
            for (RedisAddress candidate : candidates) {
                try {
                    RedisAddress[] map = slotMap(candidate, node(candidate).call("CLUSTER", "SLOTS"));
                    slots.set(map);
                    forgetNodesOutside(map);
                    return map;
                } catch (IOException e) {
                    failures.append("; ").append(candidate).append(": ").append(RedisConnection.describe(e));
                }
            }
            throw new IOException("no node answered CLUSTER SLOTS (" + failures.substring(2) + ")");
        }
    }

    /**
     * Reads {@code [[from, to, [host, port, ...], replicas...], ...]}. A node that does not know
     * its own address answers an empty host (or {@code ?}): it is {@code asked}'s host.
     */
    private static RedisAddress[] slotMap(RedisAddress asked, Object reply) throws IOException {
        if (reply instanceof RedisError) {
            throw new IOException("answered " + reply + (((RedisError) reply).message().contains("cluster support disabled")
                    ? "; use redis:// for a server that is not a cluster node" : ""));
        }
        if (!(reply instanceof List)) {
            throw new IOException("answered CLUSTER SLOTS with something other than a slot map");
        }
        RedisAddress[] map = new RedisAddress[RedisSlot.SLOTS];
        for (Object item : (List<?>) reply) {
            List<?> range = item instanceof List ? (List<?>) item : null;
            List<?> master = range != null && range.size() >= 3 && range.get(2) instanceof List ? (List<?>) range.get(2) : null;
            if (master == null || master.size() < 2 || !(range.get(0) instanceof Long) || !(range.get(1) instanceof Long)
                    || !(master.get(1) instanceof Long)) {
                throw new IOException("answered CLUSTER SLOTS with a range that is not [from, to, [host, port], ...]");
            }
            long from = (Long) range.get(0);
            long to = (Long) range.get(1);
            String host = RedisConnector.text(master.get(0));
            long port = (Long) master.get(1);
            if (from < 0 || to >= RedisSlot.SLOTS || from > to || port < 1 || port > 65535) {
                throw new IOException("answered CLUSTER SLOTS with slots " + from + "-" + to + " at port " + port);
            }
            RedisAddress address = new RedisAddress(host == null || host.isEmpty() || "?".equals(host) ? asked.host() : host,
                    (int) port);
            Arrays.fill(map, (int) from, (int) to + 1, address);
        }
        return map;
    }

    /** Closes the connections to nodes the new map no longer names. */
    private void forgetNodesOutside(RedisAddress[] map) {
        Set<RedisAddress> masters = new HashSet<RedisAddress>(Arrays.asList(map));
        masters.remove(null);
        known = new ArrayList<RedisAddress>(masters);
        for (RedisAddress address : nodes.keySet()) {
            if (!masters.contains(address)) {
                RedisNode node = nodes.remove(address);
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    private RedisNode node(RedisAddress address) {
        RedisNode node = nodes.get(address);
        if (node == null) {
            RedisNode fresh = new RedisNode(address, connector::data);
            node = nodes.putIfAbsent(address, fresh);
            if (node == null) {
                node = fresh;
            }
            if (closed) {
                node.close(); // still works, without keeping connections
            }
        }
        return node;
    }

    @Override
    public void close() {
        closed = true;
        for (RedisNode node : nodes.values()) {
            node.close();
        }
    }
}
