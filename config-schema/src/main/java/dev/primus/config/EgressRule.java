package dev.primus.config;

import java.net.URI;
import java.util.Collections;
import java.util.Set;

/** One {@code egress.allow} or {@code egress.deny} entry: exactly one of host, cidr or url. */
public final class EgressRule {
    private final String id;
    private final String host;
    private final Cidr cidr;
    private final URI url;
    private final Set<Integer> ports;

    EgressRule(String id, String host, Cidr cidr, URI url, Set<Integer> ports) {
        this.id = id;
        this.host = host;
        this.cidr = cidr;
        this.url = url;
        this.ports = Collections.unmodifiableSet(ports);
    }

    /** Where it stands in the file, e.g. {@code egress.allow[2]}: what denials and audits name. */
    public String id() {
        return id;
    }

    /** The host pattern as written ({@code api.example.com}, {@code *.example.com}), or null. */
    public String host() {
        return host;
    }

    public Cidr cidr() {
        return cidr;
    }

    public URI url() {
        return url;
    }

    /** The ports the rule is narrowed to; empty means every port. */
    public Set<Integer> ports() {
        return ports;
    }
}
