/**
 * The egress engine: which outbound destinations the app may reach. Plain Java, unit-tested
 * without weaving; the hooks in {@code dev.primus.instrumentation.jdk.net} reach it through
 * {@link dev.primus.bootstrap.EgressGate}.
 *
 * <p>How a destination is judged ({@link dev.primus.agent.egress.EgressPolicy}): its host is
 * normalised ({@link dev.primus.agent.egress.HostNames}: case, trailing dot, IDN) or, when it is
 * an IP literal, parsed in every spelling an attacker might use ({@link
 * dev.primus.agent.egress.IpLiteral}: decimal, hex, octal, short forms, IPv4-mapped and
 * -compatible IPv6, zone ids). Then: a deny rule or a cloud metadata endpoint denies (deny
 * always wins); {@code require_tls} denies plain http to a non-loopback host; an allow rule
 * allows; else {@code egress.default}. At the socket layer the resolved address is checked
 * against the deny rules too, so a host name that is allowed cannot be rebound to a denied
 * address. Decisions are cached per (scheme, host, port) in a bounded map.
 */
package dev.primus.agent.egress;
