package dev.primus.agent.ratelimit;

import java.io.Closeable;
import java.io.IOException;

/**
 * Which server runs a script for a key: the one server of a {@code redis://} URL, the master the
 * sentinels name, or the cluster node that owns the key's slot. Each finds its server again when
 * the one it knew fails or moves; none retries a slow server.
 */
interface RedisTopology extends Closeable {
    /**
     * @param command as {@link RedisNode#eval} takes it; {@code command[3]} is the one key
     * @return the reply, error replies included
     * @throws IOException with a message for people, naming the server, never a password
     */
    Object eval(RedisScript script, byte[][] command) throws IOException;

    @Override
    void close();

    static RedisTopology of(RedisEndpoint endpoint, RedisConnector connector) {
        switch (endpoint.topology()) {
            case SENTINEL:
                return new RedisSentinelMaster(endpoint.addresses(), endpoint.masterName(), connector);
            case CLUSTER:
                return new RedisCluster(endpoint.addresses(), connector);
            default:
                return new RedisServer(endpoint.addresses().get(0), connector);
        }
    }
}
