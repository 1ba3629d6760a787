package dev.primus.agent.egress;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditValues;
import dev.primus.agent.audit.Target;
import dev.primus.agent.control.KillSwitch;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.metrics.SampledTimer;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.EgressDeniedException;
import dev.primus.bootstrap.ProcessDeniedException;
import dev.primus.config.Mode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.Locale;

/**
 * Judges one destination: turns what a hook caught into a {@link Destination}, asks the
 * {@link EgressPolicy}, applies the mode, and audits. In enforce mode a denial becomes
 * an {@link EgressDeniedException} and is audited every time; in monitor mode it is audited
 * once per destination as {@code would_deny} and the call goes on. An allowed destination is
 * audited the first time it is seen.
 */
public final class EgressJudge {
    /** The generation in force; each check reads it once, so a reload never splits a decision. */
    private volatile EgressRules rules;
    private final AuditPipeline audit;
    /** Null when metrics are off. */
    private final AgentMetrics metrics;
    private final SampledTimer timer;
    private final ResolvedNames resolvedNames;
    private final ThreadLocal<CheckScratch> scratch = new ThreadLocal<CheckScratch>() {
        @Override
        protected CheckScratch initialValue() {
            return new CheckScratch();
        }
    };

    public EgressJudge(EgressPolicy policy, Mode mode, boolean failClosed, String configFile, AuditPipeline audit) {
        this(new EgressRules(policy, mode, failClosed, configFile), audit, null);
    }

    /** @param metrics where decisions are counted and timed, or null when metrics are off */
    public EgressJudge(EgressRules rules, AuditPipeline audit, AgentMetrics metrics) {
        this(rules, audit, metrics, GateCallers.STACK);
    }

    /** {@code callers}: who may hand over a resolver's answer; tests that record one directly pass their own. */
    EgressJudge(EgressRules rules, AuditPipeline audit, AgentMetrics metrics, GateCallers.Check callers) {
        this.rules = rules;
        this.audit = audit;
        this.metrics = metrics;
        this.timer = metrics == null ? null : metrics.decisionTimer(AgentMetrics.EGRESS);
        this.resolvedNames = new ResolvedNames(callers);
    }

    /** Puts a reloaded policy in force for every check that starts from now on. */
    public void apply(EgressRules next) {
        rules = next;
    }

    /**
     * The rules to judge by, or null when the guard stands aside: the kill file exists, or a
     * reload set {@code egress.mode: off}.
     */
    private EgressRules inForce() {
        EgressRules current = rules;
        return KillSwitch.engaged() || current.mode == Mode.OFF ? null : current;
    }

    /** The names the agent saw resolved, and to what. */
    ResolvedNames resolvedNames() {
        return resolvedNames;
    }

    /**
     * A socket is about to connect to {@code endpoint}. {@code judgedUrl} is the URL of the HTTP
     * request the socket was opened for, already judged, or null: a socket to that URL's own host
     * and port then only has its resolved address checked against the deny rules (so a name
     * cannot be rebound to a denied address); any other socket, a proxy included, is judged in
     * full. A name is believed only for the addresses a watched resolver gave for it
     * ({@link ResolvedNames}); under any other address the socket is judged by the address.
     */
    public EgressDeniedException checkSocket(InetSocketAddress inet, URL judgedUrl) {
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        CheckScratch check = scratch.get();
        SocketAddressReader reader = check.addresses;
        InetAddress address = inet.getAddress();
        int port = inet.getPort();
        byte[] resolved = address == null ? null : reader.bytes(address);
        // The literal read before for this very address object stands, unless a name given to the
        // object since (getHostName) could change the judgement: one a resolver vouched for with
        // this address, or any name inside a judged request (it would drop the request's URL).
        String host = reader.hostString(inet, address,
                judgedUrl == null && resolved != null && !resolvedNames.mayVouchFor(resolved));
        if (resolved != null && !IpLiteral.mayBeLiteral(host) && !resolvedNames.vouches(host, resolved)) {
            // The name is someone's say-so, not a resolver's answer: the address alone is judged,
            // and no URL judged for that name covers it.
            host = reader.literal(resolved);
            judgedUrl = null;
        }
        check.socket(host, resolved, port);
        long started = timer == null ? 0 : timer.startSample();
        try {
            boolean judgedAlready = judgedUrl != null && sameEndpoint(judgedUrl, host, port);
            EgressDecision decision = judgedAlready ? rules.policy.denyForAddress(resolved, port)
                    : rules.policy.decide(null, host, resolved, port, null, check.keys);
            return decision == null ? null : act(rules, decision, check);
        } catch (RuntimeException failure) {
            return onError(rules, check, failure);
        } finally {
            if (started != 0) {
                timer.endSample(started);
            }
        }
    }

    /** An HTTP client is about to connect for {@code url} (each redirect hop is asked again). */
    public EgressDeniedException checkUrl(URL url) {
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
        int port = HttpRequestUrls.portOf(url);
        CheckScratch check = scratch.get().url(scheme, url.getHost(), port, url.getPath());
        long started = timer == null ? 0 : timer.startSample();
        try {
            return act(rules, rules.policy.decide(check.scheme, check.host, null, port, check.path, check.keys), check);
        } catch (RuntimeException failure) {
            return onError(rules, check, failure);
        } finally {
            if (started != 0) {
                timer.endSample(started);
            }
        }
    }

    /**
     * A child process is about to start with {@code executable}: the denial, or null. Audited as
     * an {@code egress} event with the executable, never the command's arguments.
     */
    public ProcessDeniedException checkProcess(String executable) {
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        EgressDecision decision = rules.processes.decide(executable);
        String outcome = decision.allowed() ? "allowed" : rules.mode == Mode.MONITOR ? "would_deny" : "denied";
        boolean first = decision.firstUse();
        count(decision, outcome, first);
        if (first || outcome.equals("denied")) {
            audit.offer(AuditEvent.of("egress", outcome)
                    .mode(rules.mode.word())
                    .rule(decision.rule())
                    .reason(decision.reason())
                    .context("caller", Callers.firstAppFrame())
                    .detail("executable", executable)
                    .build());
        }
        return outcome.equals("denied") ? new ProcessDeniedException(executable, decision.reason(), rules.configFile) : null;
    }

    /**
     * {@code egress.dns: enforce}: lookups, reverse lookups and DNS queries are judged. Its hooks
     * are woven only if it was on at start-up; a reload can turn it off, not on.
     */
    boolean dnsEnforce() {
        EgressRules current = rules;
        return current.mode != Mode.OFF && current.policy.dnsEnforce();
    }

    /** A reverse lookup of {@code address} ({@code egress.dns: enforce}): the denial, or null. */
    public EgressDeniedException checkReverseLookup(byte[] address) {
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        CheckScratch check = scratch.get().socket(IpLiteral.format(address), address, -1);
        try {
            return act(rules, rules.policy.decideReverseLookup(address), check);
        } catch (RuntimeException failure) {
            return onError(rules, check, failure);
        }
    }

    /** A host name is about to be resolved; only asked with {@code egress.dns: enforce}. */
    public EgressDeniedException checkLookup(String host) {
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        CheckScratch check = scratch.get().socket(host, null, -1);
        try {
            EgressDecision decision = rules.policy.decideLookup(host, check.keys);
            return decision == null ? null : act(rules, decision, check);
        } catch (RuntimeException failure) {
            return onError(rules, check, failure);
        }
    }

    /** Whether a socket goes to the host and port of the URL its HTTP call was judged by. */
    private static boolean sameEndpoint(URL url, String host, int port) {
        int urlPort = HttpRequestUrls.portOf(url);
        if (urlPort != port) {
            return false;
        }
        byte[] urlLiteral = IpLiteral.parse(url.getHost());
        byte[] hostLiteral = IpLiteral.parse(host);
        if (urlLiteral != null || hostLiteral != null) {
            return urlLiteral != null && hostLiteral != null && java.util.Arrays.equals(urlLiteral, hostLiteral);
        }
        String urlName = HostNames.normalise(url.getHost());
        return urlName != null && urlName.equals(HostNames.normalise(host));
    }

    /**
     * Applies the mode to a decision; null lets the call go on. The destination in hand becomes a
     * {@link Destination} of its own only to be audited or denied.
     */
    private EgressDeniedException act(EgressRules rules, EgressDecision decision, CheckScratch check) {
        // Read once: firstUse() is true for exactly one call.
        boolean first = decision.firstUse();
        if (decision.allowed()) {
            count(decision, "allowed", first);
            if (first) {
                audit(rules, decision, check.toDestination(), "allowed");
            }
            return null;
        }
        if (rules.mode == Mode.MONITOR) {
            count(decision, "would_deny", first);
            if (first) {
                audit(rules, decision, check.toDestination(), "would_deny");
            }
            return null;
        }
        count(decision, "denied", first);
        Destination destination = check.toDestination();
        audit(rules, decision, destination, "denied");
        return new EgressDeniedException(destination.describe(), decision.rule() + " (" + decision.reason() + ")",
                rules.configFile);
    }

    /** Counts a decision by its rule, and a destination this policy had not seen before. */
    private void count(EgressDecision decision, String outcome, boolean first) {
        if (metrics != null) {
            metrics.decision(AgentMetrics.EGRESS, outcome, decision.rule());
            if (first) {
                metrics.newEgressDestination(outcome);
            }
        }
    }

    /**
     * What the app handed a hook could not be read: a {@code SocketAddress} of a type no JDK socket
     * takes, a request object whose methods threw. Nothing was judged, so in enforce mode it is
     * denied whatever {@code egress.on_error} says (that setting is for the agent's own faults);
     * in monitor mode it is audited as {@code would_deny} and the call goes on.
     */
    public EgressDeniedException unreadable(String what, Throwable failure) {
        AgentFailures.rethrowIfOutOfResources(failure);
        EgressRules rules = inForce();
        if (rules == null) {
            return null;
        }
        CheckScratch check = scratch.get().socket("(" + what + ")", null, -1);
        EgressDecision decision = new EgressDecision(false, "egress.unreadable",
                "the destination could not be read: " + failure.getClass().getName());
        return act(rules, decision, check);
    }

    /** The agent failed judging {@code what}: {@code egress.on_error} decides, and the failure is counted. */
    public EgressDeniedException failed(String what, Throwable failure) {
        AgentFailures.rethrowIfOutOfResources(failure);
        EgressRules rules = inForce();
        return rules == null ? null : onError(rules, what, failure);
    }

    /** The policy itself failed: {@code egress.on_error} decides, and the failure is counted. */
    private EgressDeniedException onError(EgressRules rules, CheckScratch check, RuntimeException failure) {
        return onError(rules, check.toDestination().describe(), failure);
    }

    private static EgressDeniedException onError(EgressRules rules, String what, Throwable failure) {
        AgentFailures.record("egress check", failure);
        return rules.failsClosed() ? new EgressDeniedException(what, "egress.on_error (fail_closed)", rules.configFile)
                : null;
    }

    private void audit(EgressRules rules, EgressDecision decision, Destination destination, String outcome) {
        byte[] resolved = destination.resolved();
        byte[] literal = resolved != null ? resolved : IpLiteral.parse(destination.host());
        // The path only: describe() writes no query, fragment or user info.
        String url = destination.scheme() == null ? null : AuditValues.withoutSecrets(destination.describe());
        audit.offer(AuditEvent.of("egress", outcome)
                .mode(rules.mode.word())
                .rule(decision.rule())
                .reason(decision.reason())
                .context("caller", Callers.firstAppFrame())
                .target(new Target(destination.scheme(), destination.host(), literal == null ? null : IpLiteral.format(literal),
                        destination.port(), url))
                .build());
    }
}
