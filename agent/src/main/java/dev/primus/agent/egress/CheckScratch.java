package dev.primus.agent.egress;

/**
 * What one thread reuses from one egress check to the next, so that a destination seen before is
 * judged without allocating: the destination in hand, in parts (a {@link Destination} is made of
 * them only to be audited or denied), the keys its decision is looked up by, and the reader of
 * its socket address. Not thread-safe: one per thread, and one check at a time.
 */
final class CheckScratch {
    final LookupKeys keys = new LookupKeys();
    final SocketAddressReader addresses = new SocketAddressReader();

    String scheme;
    String host;
    /** May be {@link #addresses}' own buffer: copied by {@link #toDestination}. */
    byte[] resolved;
    int port;
    String path;

    /** A socket connect (port -1: a name lookup). */
    CheckScratch socket(String host, byte[] resolved, int port) {
        this.scheme = null;
        this.host = host;
        this.resolved = resolved;
        this.port = port;
        this.path = null;
        return this;
    }

    /** A URL an HTTP client is about to request; an empty path is {@code /}, as in {@link Destination#url}. */
    CheckScratch url(String scheme, String host, int port, String path) {
        this.scheme = scheme;
        this.host = host;
        this.resolved = null;
        this.port = port;
        this.path = path == null || path.isEmpty() ? "/" : path;
        return this;
    }

    /** The destination in hand as a value of its own, to audit or to name in a denial. */
    Destination toDestination() {
        return scheme != null ? Destination.url(scheme, host, port, path)
                : Destination.socket(host, resolved == null ? null : resolved.clone(), port);
    }
}
