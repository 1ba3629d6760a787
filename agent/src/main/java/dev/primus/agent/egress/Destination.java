package dev.primus.agent.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a call wants to go, as the hook that caught it knows it: a URL's scheme, host, port
 * and path from an HTTP client, or just a host and port from a socket. The host is as the app
 * wrote it; the policy normalises it.
 */
public final class Destination {
    private final String scheme;
    private final String host;
    private final byte[] resolved;
    private final int port;
    private final String path;

    private Destination(String scheme, String host, byte[] resolved, int port, String path) {
        this.scheme = scheme;
        this.host = host;
        this.resolved = resolved;
        this.port = port;
        this.path = path;
    }

    /** A URL an HTTP client is about to request. {@code port} is the effective port (443 for https). */
    public static Destination url(String scheme, String host, int port, String path) {
        return new Destination(scheme, host, null, port, path == null || path.isEmpty() ? "/" : path);
    }

    /** A socket connect: the host as given, and the address it resolved to when known. */
    public static Destination socket(String host, byte[] resolved, int port) {
        return new Destination(null, host, resolved, port, null);
    }

    /**
     * A destination as an operator writes it: a URL ({@code https://api.example.com/v1/x}) or
     * {@code HOST:PORT} with IPv6 in brackets ({@code [::1]:80}); null when it is neither.
     */
    public static Destination parse(String target) {
        if (target.contains("://")) {
            try {
                URI uri = new URI(target);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() >= 0 ? uri.getPort() : CompiledRule.defaultPort(scheme);
                return uri.getHost() == null || port < 0 ? null : url(scheme, uri.getHost(), port, uri.getRawPath());
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        int colon = target.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return socket(host, null, Integer.parseInt(target.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code http}, {@code https}, ... or null at the socket layer. */
    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    /** The resolved address, or null when the caller did not resolve it. */
    public byte[] resolved() {
        return resolved;
    }

    public int port() {
        return port;
    }

    /** The URL path, or null at the socket layer. */
    public String path() {
        return path;
    }

    /**
     * How a denial names it: {@code https://api.example.com:443/v1/x}, {@code 127.0.0.3:8080},
     * or for a name lookup just the name.
     */
    public String describe() {
        if (port < 0) {
            return host + " (name lookup)";
        }
        String hostPart = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        if (scheme != null) {
            return scheme + "://" + hostPart + ":" + port + (path == null ? "" : path);
        }
        return hostPart + ":" + port;
    }
}
