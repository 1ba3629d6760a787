package dev.primus.agent.egress;

/**
 * What a decision is cached under: the scheme (null at the socket layer, {@code dns} for a name
 * lookup), the host as written, the port, and the URL path where url rules make it matter.
 *
 * <p>A key in a cache never changes. A thread looks decisions up with a key of its own, {@link
 * #set} anew for each lookup ({@link LookupKeys}), and a cache keeps a {@link #copy}: a decision
 * seen before is then found without allocating.
 */
final class DecisionKey {
    private String scheme;
    private String host;
    private String path;
    private int port;
    private int hash;

    /** A thread's own key, to {@link #set} before each lookup. */
    DecisionKey() {
    }

    DecisionKey(String scheme, String host, String path, int port) {
        set(scheme, host, path, port);
    }

    DecisionKey set(String scheme, String host, String path, int port) {
        this.scheme = scheme;
        this.host = host;
        this.path = path;
        this.port = port;
        this.hash = ((hashOf(scheme) * 31 + host.hashCode()) * 31 + hashOf(path)) * 31 + port;
        return this;
    }

    /** A key the cache may keep: this one may be a thread's own, set again at its next lookup. */
    DecisionKey copy() {
        return new DecisionKey(scheme, host, path, port);
    }

    private static int hashOf(String text) {
        return text == null ? 0 : text.hashCode();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DecisionKey)) {
            return false;
        }
        DecisionKey key = (DecisionKey) other;
        return hash == key.hash && port == key.port && host.equals(key.host) && same(path, key.path)
                && same(scheme, key.scheme);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
