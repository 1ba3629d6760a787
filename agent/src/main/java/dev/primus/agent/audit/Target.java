package dev.primus.agent.audit;

/** Where an outbound call went: the {@code target} object of an audit event. Any field may be null. */
public final class Target {
    private final String scheme;
    private final String host;
    private final String ip;
    private final int port;
    private final String url;

    public Target(String scheme, String host, String ip, int port, String url) {
        this.scheme = scheme;
        this.host = host;
        this.ip = ip;
        this.port = port;
        this.url = url;
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    public String ip() {
        return ip;
    }

    /** The port, or -1 when unknown. */
    public int port() {
        return port;
    }

    public String url() {
        return url;
    }
}
