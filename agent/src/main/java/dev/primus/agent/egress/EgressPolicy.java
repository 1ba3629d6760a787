package dev.primus.agent.egress;

import dev.primus.config.EgressConfig;
import dev.primus.config.EgressRule;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a destination may be reached. Immutable but for its decision cache; safe
 * from any thread. See the package doc for the order rules are applied in.
 */
public final class EgressPolicy {
    /** Past this many cached decisions the cache starts over; a hostile app cannot grow it without bound. */
    static final int MAX_CACHED_DECISIONS = 16_384;
    /** Cloud metadata endpoints: denied unless a rule names them exactly. */
    static final String METADATA_RULE = "egress.builtin.cloud_metadata";
    private static final byte[] AWS_METADATA_V4 = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] AWS_METADATA_V6 = IpLiteral.parse("fd00:ec2::254");
    private static final String GCP_METADATA_NAME = "metadata.google.internal";

    /** Arrays, walked by index: a connect walks the deny rules, and must not allocate an iterator to do it. */
    private final CompiledRule[] allow;
    private final CompiledRule[] deny;
    private final boolean defaultAllow;
    private final boolean requireTls;
    private final boolean hasUrlRules;
    private final ConcurrentHashMap<DecisionKey, EgressDecision> cache = new ConcurrentHashMap<DecisionKey, EgressDecision>();
    /** Decisions for resolved addresses that no rule named by host, so each is decided and audited once. */
    private final ConcurrentHashMap<AddressKey, EgressDecision> addressCache =
            new ConcurrentHashMap<AddressKey, EgressDecision>();

    static final int DNS_PORT = 53;
    static final int DNS_OVER_TLS_PORT = 853;
    private final boolean dnsEnforce;
    private final List<String> processesAllowed;
    private final EgressDecision dnsPortDenial = new EgressDecision(false, "egress.dns",
            "egress.dns is enforce and no rule names this resolver (port 53); allow it by host or cidr");
    private final EgressDecision dotPortDenial = new EgressDecision(false, "egress.dns",
            "egress.dns is enforce and no rule names this resolver (port 853, DNS over TLS); allow it by host or cidr");

    public EgressPolicy(EgressConfig config) {
        this.allow = compile(config.allow());
        this.deny = compile(config.deny());
        boolean urlRules = false;
        for (CompiledRule rule : allow) {
            urlRules |= rule.isUrlRule();
        }
        for (CompiledRule rule : deny) {
            urlRules |= rule.isUrlRule();
        }
        this.defaultAllow = config.defaultAllow();
        this.requireTls = config.requireTls();
        this.hasUrlRules = urlRules;
        this.dnsEnforce = config.dnsEnforce();
        this.processesAllowed = config.processesAllowed();
    }

    private static CompiledRule[] compile(List<EgressRule> rules) {
        CompiledRule[] compiled = new CompiledRule[rules.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = CompiledRule.of(rules.get(i));
        }
        return compiled;
    }

    /** {@code egress.processes}: null to audit only, else the executables allowed. */
    List<String> processesAllowed() {
        return processesAllowed;
    }

    /**
     * The decision for a destination. The part that depends on the name is cached per
     * (scheme, host, port), and path when url rules exist; a resolved address is
     * then checked on its own, so no name can be rebound to a denied address.
     */
    public EgressDecision decide(Destination destination) {
        return decide(destination.scheme(), destination.host(), destination.resolved(), destination.port(),
                destination.path(), null);
    }

    /**
     * The same, for a destination in parts, looked up with {@code keys}: the calling thread's own,
     * so that a destination decided before is found without allocating, or null for fresh ones.
     * {@code resolved} may be a buffer the caller reuses: it is copied wherever it is kept.
     */
    EgressDecision decide(String scheme, String host, byte[] resolved, int port, String path, LookupKeys keys) {
        EgressDecision decision = decideAsRulesSay(scheme, host, resolved, port, path, keys);
        if (dnsEnforce && decision.allowed() && decision.isByDefault() && isDnsPort(port)) {
            // Under dns: enforce, a query goes only to a resolver a rule names: egress.default
            // allow would otherwise let any client ask any server, about any name.
            return port == DNS_PORT ? dnsPortDenial : dotPortDenial;
        }
        return decision;
    }

    boolean dnsEnforce() {
        return dnsEnforce;
    }

    private static boolean isDnsPort(int port) {
        return port == DNS_PORT || port == DNS_OVER_TLS_PORT;
    }

    /**
     * Whether an address may be looked up in reverse ({@code egress.dns: enforce}): a PTR query
     * names what it asks about, so it is judged by that address. Only an allow rule that covers
     * the address itself (a cidr rule, or a host rule written as the address) allows it, on any
     * port; a deny rule for all its ports, or a metadata address, denies it.
     */
    public EgressDecision decideReverseLookup(byte[] address) {
        for (CompiledRule rule : deny) {
            if (!rule.hasPorts() && rule.coversAddress(address)) {
                return new EgressDecision(false, rule.id(), "reverse lookup of " + IpLiteral.format(address)
                        + " denied by " + rule.id());
            }
        }
        if (isMetadata(null, address) && !namedExactly(null, address)) {
            return metadataDenial(address);
        }
        for (CompiledRule rule : allow) {
            if (rule.coversAddress(address)) {
                return new EgressDecision(true, rule.id(), "reverse lookup allowed by " + rule.id());
            }
        }
        return new EgressDecision(false, "egress.dns", "egress.dns is enforce and no cidr rule covers "
                + IpLiteral.format(address) + "; a reverse lookup names it to the resolver");
    }

    private EgressDecision decideAsRulesSay(String scheme, String host, byte[] resolved, int port, String path,
                                            LookupKeys keys) {
        EgressDecision byName = decideByName(scheme, host, port, path, keys);
        if (resolved == null) {
            return byName;
        }
        EgressDecision deniedAddress = denyForAddress(resolved, port);
        if (deniedAddress != null) {
            return deniedAddress;
        }
        if (byName.literal() != null && !java.util.Arrays.equals(byName.literal(), resolved)) {
            // The host reads as one address to us and resolved to another: judge the address the
            // socket really goes to, as if no rule named the host.
            return decideByAddress(resolved, port, EgressDecision.byDefault(defaultAllow), keys);
        }
        if (!byName.isByDefault() || byName.allowed()) {
            return byName;
        }
        // No rule named the host; a cidr rule may still allow the address it resolved to.
        return decideByAddress(resolved, port, byName, keys);
    }

    private EgressDecision decideByAddress(byte[] resolved, int port, EgressDecision byName, LookupKeys keys) {
        AddressKey key = (keys == null ? new AddressKey() : keys.byAddress).set(resolved, port);
        EgressDecision cached = addressCache.get(key);
        if (cached != null) {
            return cached;
        }
        // A decision of its own per address, so each address is audited once in its own right.
        EgressDecision decision = EgressDecision.byDefault(byName.allowed());
        for (CompiledRule rule : allow) {
            if (rule.matchesEndpoint(null, resolved, port)) {
                decision = new EgressDecision(true, rule.id(), "address " + IpLiteral.format(resolved) + " allowed by "
                        + rule.id());
                break;
            }
        }
        if (addressCache.size() >= MAX_CACHED_DECISIONS) {
            addressCache.clear();
        }
        addressCache.put(key.copy(), decision);
        return decision;
    }

    private EgressDecision decideByName(String scheme, String host, int port, String path, LookupKeys keys) {
        // With url rules the path decides too: it joins the key (the cache stays bounded), so each
        // path is still decided, and audited, once.
        String keyPath = hasUrlRules ? path : null;
        DecisionKey key = keys == null ? new DecisionKey(scheme, host, keyPath, port)
                : keys.byName.set(scheme, host, keyPath, port);
        EgressDecision cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        EgressDecision decision = evaluate(scheme, host, port, path);
        decision.literal(IpLiteral.parse(host));
        if (cache.size() >= MAX_CACHED_DECISIONS) {
            cache.clear();
        }
        cache.put(keys == null ? key : key.copy(), decision);
        return decision;
    }

    /**
     * The check a socket makes when an outer hook already judged the call, and the first check
     * on every resolved address: whether the address itself is denied. Null when it is not.
     */
    public EgressDecision denyForAddress(byte[] address, int port) {
        if (address == null) {
            return null;
        }
        for (CompiledRule rule : deny) {
            if (rule.matchesEndpoint(null, address, port)) {
                return new EgressDecision(false, rule.id(), "address " + IpLiteral.format(address) + " is denied by "
                        + rule.id());
            }
        }
        if (isMetadata(null, address) && !namedExactly(null, address)) {
            return metadataDenial(address);
        }
        return null;
    }

    /**
     * Whether a host name may be resolved ({@code egress.dns: enforce}): only names a host or
     * url rule allows, on any port. A cidr rule cannot allow a lookup, whose address is not
     * known yet. IP literals and localhost never reach a resolver and are not judged (null).
     */
    public EgressDecision decideLookup(String host) {
        return decideLookup(host, null);
    }

    /** The same, looked up with the calling thread's own {@code keys}, or null for fresh ones. */
    EgressDecision decideLookup(String host, LookupKeys keys) {
        if (host == null || host.isEmpty() || IpLiteral.isUnambiguous(host)) {
            return null; // The JDK answers these itself (the loopback, the literal's own address).
        }
        String name = HostNames.normalise(host);
        if (name == null) {
            return new EgressDecision(false, "egress.dns", "'" + host + "' is not a host name a rule could name");
        }
        if ("localhost".equals(name)) {
            return null;
        }
        DecisionKey key = keys == null ? new DecisionKey("dns", name, null, -1) : keys.byName.set("dns", name, null, -1);
        EgressDecision cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        EgressDecision decision = null;
        for (CompiledRule rule : deny) {
            // A deny rule narrowed to ports or a url path leaves the rest of the host reachable.
            if (rule.namesWholeHost(name)) {
                decision = new EgressDecision(false, rule.id(), "lookup of " + name + " denied by " + rule.id());
                break;
            }
        }
        if (decision == null && isMetadata(name, null) && !namedExactly(name, null)) {
            decision = metadataDenial(null);
        }
        for (int i = 0; decision == null && i < allow.length; i++) {
            if (allow[i].namesHost(name)) {
                decision = new EgressDecision(true, allow[i].id(), "lookup of " + name + " allowed by " + allow[i].id());
            }
        }
        if (decision == null) {
            decision = new EgressDecision(false, "egress.dns", "egress.dns is enforce and no host or url rule names "
                    + name + "; name it in egress.allow");
        }
        if (cache.size() >= MAX_CACHED_DECISIONS) {
            cache.clear();
        }
        cache.put(keys == null ? key : key.copy(), decision);
        return decision;
    }

    /** The decision by name alone, uncached. */
    EgressDecision evaluate(Destination destination) {
        return evaluate(destination.scheme(), destination.host(), destination.port(), destination.path());
    }

    private EgressDecision evaluate(String schemeAsGiven, String host, int port, String pathAsGiven) {
        byte[] address = IpLiteral.parse(host);
        String name = address == null ? HostNames.normalise(host) : null;
        if (address == null && name == null) {
            return new EgressDecision(false, "egress.host", "'" + host + "' is not a valid host");
        }
        String scheme = schemeAsGiven == null ? null : schemeAsGiven.toLowerCase(Locale.ROOT);
        String path = pathAsGiven == null ? null : UrlPaths.normalise(pathAsGiven);

        for (CompiledRule rule : deny) {
            if (rule.matchesEndpoint(name, address, port) || rule.matchesUrl(scheme, name, address, port, path)) {
                return new EgressDecision(false, rule.id(), "denied by " + rule.id());
            }
        }
        if (isMetadata(name, address) && !namedExactly(name, address)) {
            return metadataDenial(address);
        }
        if (requireTls && "http".equals(scheme) && !isLoopback(name, address)) {
            return new EgressDecision(false, "egress.require_tls", "plain http to a non-loopback host; use https");
        }
        for (CompiledRule rule : allow) {
            if (rule.matchesEndpoint(name, address, port) || rule.matchesUrl(scheme, name, address, port, path)) {
                return new EgressDecision(true, rule.id(), "allowed by " + rule.id());
            }
        }
        return EgressDecision.byDefault(defaultAllow);
    }

    private static EgressDecision metadataDenial(byte[] address) {
        return new EgressDecision(false, METADATA_RULE, "cloud metadata endpoint"
                + (address == null ? "" : " " + IpLiteral.format(address))
                + "; allow it only by naming it exactly in egress.allow");
    }

    private static boolean isMetadata(String name, byte[] address) {
        if (address != null) {
            return java.util.Arrays.equals(address, AWS_METADATA_V4) || java.util.Arrays.equals(address, AWS_METADATA_V6);
        }
        return GCP_METADATA_NAME.equals(name);
    }

    private boolean namedExactly(String name, byte[] address) {
        for (CompiledRule rule : allow) {
            if (rule.namesExactly(name, address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String name, byte[] address) {
        return address != null ? IpLiteral.isLoopback(address) : "localhost".equals(name);
    }
}
