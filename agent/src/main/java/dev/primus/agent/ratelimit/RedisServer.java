package dev.primus.agent.ratelimit;

import java.io.IOException;

/** A {@code redis://} or {@code rediss://} URL: every script runs on its one server. */
final class RedisServer implements RedisTopology {
    private final RedisNode node;

    RedisServer(RedisAddress address, RedisConnector connector) {
        this.node = new RedisNode(address, connector::data);
    }

    @Override
    public Object eval(RedisScript script, byte[][] command) throws IOException {
        return node.eval(script, command, false);
    }

    @Override
    public void close() {
        node.close();
    }
}
