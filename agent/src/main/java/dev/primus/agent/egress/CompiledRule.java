package dev.primus.agent.egress;

import dev.primus.config.Cidr;
import dev.primus.config.EgressRule;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** An {@code egress.allow} or {@code egress.deny} entry, ready to match normalised destinations. */
final class CompiledRule {
    private final String id;
    private final String exactHost;
    private final String hostSuffix;
    private final byte[] hostAddress;
    private final Cidr cidr;
    private final String urlScheme;
    private final String urlHost;
    private final byte[] urlAddress;
    private final int urlPort;
    private final String urlPathPrefix;
    /** Empty for every port. An array, not the config's set: a connect's port is then never boxed. */
    private final int[] ports;

    private CompiledRule(String id, String exactHost, String hostSuffix, byte[] hostAddress, Cidr cidr, String urlScheme,
                         String urlHost, byte[] urlAddress, int urlPort, String urlPathPrefix, Set<Integer> ports) {
        this.id = id;
        this.exactHost = exactHost;
        this.hostSuffix = hostSuffix;
        this.hostAddress = hostAddress;
        this.cidr = cidr;
        this.urlScheme = urlScheme;
        this.urlHost = urlHost;
        this.urlAddress = urlAddress;
        this.urlPort = urlPort;
        this.urlPathPrefix = urlPathPrefix;
        this.ports = new int[ports.size()];
        int i = 0;
        for (Integer port : ports) {
            this.ports[i++] = port;
        }
    }

    static CompiledRule of(EgressRule rule) {
        if (rule.host() != null) {
            String host = rule.host();
            if (host.startsWith("*.")) {
                return new CompiledRule(rule.id(), null, "." + HostNames.normalise(host.substring(2)), null, null, null,
                        null, null, -1, null, rule.ports());
            }
            byte[] literal = IpLiteral.parse(host);
            return new CompiledRule(rule.id(), literal == null ? HostNames.normalise(host) : null, null, literal, null,
                    null, null, null, -1, null, rule.ports());
        }
        if (rule.cidr() != null) {
            return new CompiledRule(rule.id(), null, null, null, rule.cidr(), null, null, null, -1, null, rule.ports());
        }
        URI url = rule.url();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String path = UrlPaths.normalise(url.getRawPath() == null ? "/" : url.getRawPath());
        byte[] literal = IpLiteral.parse(url.getHost());
        return new CompiledRule(rule.id(), null, null, null, null, scheme,
                literal == null ? HostNames.normalise(url.getHost()) : null, literal,
                url.getPort() >= 0 ? url.getPort() : defaultPort(scheme), path, rule.ports());
    }

    static int defaultPort(String scheme) {
        if ("https".equals(scheme) || "wss".equals(scheme)) {
            return 443;
        }
        return "http".equals(scheme) || "ws".equals(scheme) ? 80 : -1;
    }

    String id() {
        return id;
    }

    boolean isUrlRule() {
        return urlScheme != null;
    }

    /** Whether a destination with this normalised name, address and port matches a host or cidr rule. */
    boolean matchesEndpoint(String name, byte[] address, int port) {
        if (isUrlRule() || !coversPort(port)) {
            return false;
        }
        if (cidr != null) {
            return address != null && cidr.contains(address);
        }
        if (hostAddress != null) {
            return address != null && java.util.Arrays.equals(hostAddress, address);
        }
        if (name == null) {
            return false;
        }
        return exactHost != null ? exactHost.equals(name) : name.endsWith(hostSuffix);
    }

    private boolean coversPort(int port) {
        if (ports.length == 0) {
            return true;
        }
        for (int allowed : ports) {
            if (allowed == port) {
                return true;
            }
        }
        return false;
    }

    /** Whether this host or cidr rule names {@code address} itself, on whatever ports. */
    boolean coversAddress(byte[] address) {
        if (cidr != null) {
            return cidr.contains(address);
        }
        return hostAddress != null && java.util.Arrays.equals(hostAddress, address);
    }

    /** Whether this rule is narrowed to some ports. */
    boolean hasPorts() {
        return ports.length > 0;
    }

    /** Whether a URL matches this url rule: scheme, host (name or address) and port exactly, path by prefix. */
    boolean matchesUrl(String scheme, String name, byte[] address, int port, String path) {
        if (!isUrlRule() || !urlScheme.equals(scheme) || urlPort != port || path == null) {
            return false;
        }
        boolean sameHost = urlAddress != null ? address != null && java.util.Arrays.equals(urlAddress, address)
                : urlHost.equals(name);
        return sameHost && pathHasPrefix(path, urlPathPrefix);
    }

    /** {@code /v1/} admits {@code /v1/chat}; {@code /v1} admits {@code /v1} and {@code /v1/x}, never {@code /v10}. */
    private static boolean pathHasPrefix(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?';
    }

    /** Whether a host or url rule names this normalised host, whatever the port (for DNS lookups). */
    boolean namesHost(String name) {
        if (isUrlRule()) {
            return urlHost != null && urlHost.equals(name);
        }
        if (exactHost != null) {
            return exactHost.equals(name);
        }
        return hostSuffix != null && name.endsWith(hostSuffix);
    }

    /** Whether a host rule without ports names this host: all of it, for a deny of its lookup. */
    boolean namesWholeHost(String name) {
        return !isUrlRule() && ports.length == 0 && namesHost(name);
    }

    /** Whether the rule names this exact address or host, the way an operator unlocks a metadata endpoint. */
    boolean namesExactly(String name, byte[] address) {
        if (exactHost != null) {
            return exactHost.equals(name);
        }
        if (hostAddress != null) {
            return java.util.Arrays.equals(hostAddress, address);
        }
        return cidr != null && address != null && cidr.contains(address) && cidr.prefix() == address.length * 8;
    }
}
