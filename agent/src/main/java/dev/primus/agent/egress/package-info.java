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
 *
 * <p>Every connect, lookup and HTTP request passes here, so an allowed destination seen before
 * is judged without allocating ({@code CleanPathAllocationTest}). Each thread reuses one
 * {@link dev.primus.agent.egress.CheckScratch}: the destination in hand in parts (a {@link
 * dev.primus.agent.egress.Destination} is made only to audit or deny), the keys the policy's
 * caches are searched with ({@link dev.primus.agent.egress.LookupKeys}; a cache keeps copies),
 * and a {@link dev.primus.agent.egress.SocketAddressReader}, which reads an address without the
 * JDK's per-call copies: IPv4 bytes from {@code Inet4Address.hashCode()}, and the literal
 * {@code getHostString()} would format anew for an address object without a name, reused for
 * that object while no name it may since have been given could count
 * ({@link dev.primus.agent.egress.ResolvedNames#mayVouchFor}). The URL an HTTP client hands over
 * as text (OkHttp) or as a URI (the JDK's) is parsed once per text
 * ({@link dev.primus.agent.egress.HttpRequestUrls}).
 */
package dev.primus.agent.egress;
