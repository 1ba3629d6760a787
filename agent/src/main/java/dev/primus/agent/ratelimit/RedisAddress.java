package dev.primus.agent.ratelimit;

/**
 * One Redis server's host and port: a seed or sentinel from {@code redis_url}, a master a
 * sentinel named, or a cluster node from the slot map. Equal addresses share connections.
 */
final class RedisAddress {
    private final String host;
    private final int port;

    RedisAddress(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * {@code HOST:PORT} as Redis writes it in {@code MOVED}, {@code ASK} and sentinel replies: an
     * IPv6 address unbracketed, so the port is after the last colon.
     *
     * @return null when it cannot be read (or the host is {@code ?}, Redis's "unknown endpoint")
     */
    static RedisAddress fromReply(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return "?".equals(host) || port < 1 || port > 65535 ? null : new RedisAddress(host, port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisAddress && ((RedisAddress) other).port == port && ((RedisAddress) other).host.equals(host);
    }

    @Override
    public int hashCode() {
        return host.hashCode() * 31 + port;
    }

    /** {@code 127.0.0.1:6379}, {@code [::1]:6379}. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
