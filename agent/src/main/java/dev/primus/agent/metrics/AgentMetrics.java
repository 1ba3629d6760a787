package dev.primus.agent.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every metric the agent exports, made in one place so that names, labels and HELP are read
 * together, and the typed calls the guards make. Counting calls take no lock and allocate nothing
 * once a label set has been seen; numbers the agent already keeps elsewhere are read at scrape time
 * from the {@link ScrapedValues} the start-up code registers with the {@code ...From} methods.
 *
 * <p>Label values are what the config and the code name (rule ids, modules, outcomes, reasons,
 * detectors, sinks, hooks), never what a request carries (destinations, principals, tenants, ids):
 * a label from a request would put the caller in charge of the series' number and leak it to
 * every reader of the metrics. Each family folds label sets past its bound into {@code _other}.
 */
public final class AgentMetrics {
    public static final int DEFAULT_MAX_SERIES_PER_FAMILY = 256;

    public static final String DECISIONS = "primus_decisions_total";
    public static final String AUTH_FAILURES = "primus_auth_failures_total";
    public static final String RATE_LIMIT_REJECTIONS = "primus_rate_limit_rejections_total";
    public static final String MASKED_VALUES = "primus_masked_values_total";
    public static final String AUDIT_EVENTS = "primus_audit_events_total";
    public static final String AUDIT_BUFFERED_EVENTS = "primus_audit_buffered_events";
    public static final String HOOKS = "primus_hooks";
    public static final String HOOK_MISSED = "primus_hook_missed";
    public static final String AGENT_FAILURES = "primus_agent_failures_total";
    public static final String DECISION_DURATION = "primus_decision_duration_seconds";
    public static final String EGRESS_NEW_DESTINATIONS = "primus_egress_new_destinations_total";
    public static final String CONFIG_RELOADS = "primus_config_reloads_total";
    public static final String POLICY_GENERATION = "primus_policy_generation";
    public static final String KILL_SWITCH_ENGAGED = "primus_kill_switch_engaged";
    public static final String POLICY_WRITABLE = "primus_policy_writable";

    /** Every family's name, as text format 0.0.4 writes it (a histogram's samples add {@code _bucket}, {@code _sum}, {@code _count}). */
    public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
            DECISIONS, AUTH_FAILURES, RATE_LIMIT_REJECTIONS, MASKED_VALUES, AUDIT_EVENTS, AUDIT_BUFFERED_EVENTS,
            HOOKS, HOOK_MISSED, AGENT_FAILURES, DECISION_DURATION, EGRESS_NEW_DESTINATIONS, CONFIG_RELOADS,
            POLICY_GENERATION, KILL_SWITCH_ENGAGED, POLICY_WRITABLE));

    /** The modules whose decisions are timed, the values of {@code module} in {@link #DECISION_DURATION}. */
    public static final String EGRESS = "egress";
    public static final String AUTH = "auth";
    public static final String LOGGING = "logging";

    private final MetricRegistry registry;
    private final ThreeLabelCounter decisions;
    private final TwoLabelCounter authFailures;
    private final TwoLabelCounter rateLimitRejections;
    private final ScrapeTimeFamily maskedValues;
    private final ScrapeTimeFamily auditEvents;
    private final ScrapeTimeFamily auditBuffered;
    private final ScrapeTimeFamily hooks;
    private final ScrapeTimeFamily hookMissed;
    private final ScrapeTimeFamily agentFailures;
    private final HistogramFamily decisionDuration;
    private final OneLabelCounter newDestinations;
    private final OneLabelCounter configReloads;
    private final ScrapeTimeFamily policyGeneration;
    private final ScrapeTimeFamily killSwitch;
    private final ScrapeTimeFamily policyWritable;

    public AgentMetrics() {
        this(DEFAULT_MAX_SERIES_PER_FAMILY);
    }

    /** {@code maxSeriesPerFamily}: series each family may hold, its {@code _other} one included. */
    public AgentMetrics(int maxSeriesPerFamily) {
        MetricRegistry r = new MetricRegistry(maxSeriesPerFamily);
        registry = r;
        decisions = r.counter(DECISIONS,
                "Decisions the guards took, by audit module (egress, auth, authz, webhook, rate_limit), outcome"
                + " (allowed, denied, would_deny) and the config rule that decided.", "module", "outcome", "rule");
        authFailures = r.counter(AUTH_FAILURES,
                "Requests the auth guard refused, by reason (the RFC 6750 error or the kind of refusal) and rule.",
                "reason", "rule");
        rateLimitRejections = r.counter(RATE_LIMIT_REJECTIONS,
                "Requests answered 429 by a rate limit, by limit and the kind of key it counts by"
                + " (tenant, principal, api_key, client_ip).", "limit", "key");
        maskedValues = r.scrapedCounter(MASKED_VALUES, "Values masked (or, in monitor mode, found) in log output, by detector.",
                "detector");
        auditEvents = r.scrapedCounter(AUDIT_EVENTS, "Audit events each sink wrote or dropped since start.", "sink", "result");
        auditBuffered = r.scrapedGauge(AUDIT_BUFFERED_EVENTS, "Audit events a sink holds in its buffer, not yet delivered.",
                "sink");
        hooks = r.scrapedGauge(HOOKS, "Hooks by state: armed (waiting for their class), woven, missed (their class"
                + " loaded without the method they need).", "state");
        hookMissed = r.scrapedGauge(HOOK_MISSED, "1 for each hook whose class loaded without the method it needs.", "hook");
        agentFailures = r.scrapedCounter(AGENT_FAILURES,
                "Exceptions inside the agent, each counted and swallowed so that the host call went on unchanged.");
        decisionDuration = r.sampledHistogram(DECISION_DURATION, "Time a guard took to decide, in seconds; sampled:"
                + " one decision in " + SampledTimer.ONE_IN + " is timed, so _count is about 1/" + SampledTimer.ONE_IN
                + " of the decisions taken.", "module", EGRESS, AUTH, LOGGING);
        newDestinations = r.counter(EGRESS_NEW_DESTINATIONS,
                "Egress destinations seen for the first time under the current policy, by outcome.", "outcome");
        configReloads = r.counter(CONFIG_RELOADS, "Config reloads, by result (applied, unchanged, refused).", "result");
        // Known at start: present at 0 from the first scrape, so that the first refusal is an increase.
        for (String outcome : new String[] {"allowed", "denied", "would_deny"}) {
            newDestinations.declare(outcome);
        }
        for (String result : new String[] {"applied", "unchanged", "refused"}) {
            configReloads.declare(result);
        }
        policyGeneration = r.scrapedGauge(POLICY_GENERATION, "The policy in force: 1 at start, one more at each applied reload.");
        killSwitch = r.scrapedGauge(KILL_SWITCH_ENGAGED, "1 while the kill file exists and every guard is off, else 0.");
        policyWritable = r.scrapedGauge(POLICY_WRITABLE,
                "1 when the JVM's own user can write the config file, its folder or the kill file's folder, else 0.");
    }

    /** What the server and the MBean show. */
    public MetricRegistry registry() {
        return registry;
    }

    /**
     * A guard's decision: {@code module} the audit module, {@code outcome} allowed, denied or
     * would_deny, {@code rule} the config rule's id. The rules a config names can be declared at 0
     * as it loads, through {@link #decisions()}.
     */
    public void decision(String module, String outcome, String rule) {
        decisions.inc(module, outcome, rule);
    }

    /** The decisions family itself, to {@code declare} the rules of a config as it loads. */
    public ThreeLabelCounter decisions() {
        return decisions;
    }

    /** {@code reason}: the RFC 6750 error ({@code invalid_token}) or the refusal's kind, never the credential. */
    public void authFailure(String reason, String rule) {
        authFailures.inc(reason, rule);
    }

    /** {@code keyKind}: tenant, principal, api_key or client_ip; never the key itself. */
    public void rateLimitRejection(String limit, String keyKind) {
        rateLimitRejections.inc(limit, keyKind);
    }

    /** A destination seen for the first time under the current policy; never the destination itself. */
    public void newEgressDestination(String outcome) {
        newDestinations.inc(outcome);
    }

    /** {@code result}: applied, unchanged or refused. */
    public void configReload(String result) {
        configReloads.inc(result);
    }

    /** The timer of {@link #EGRESS}, {@link #AUTH} or {@link #LOGGING}; fetch it once and keep it. */
    public SampledTimer decisionTimer(String module) {
        return decisionDuration.timer(module);
    }

    /** Readings {@code (detector, count)}: values masked or found since start. */
    public void maskedValuesFrom(ScrapedValues source) {
        maskedValues.readFrom(source);
    }

    /**
     * Readings {@code (sink, "written" | "dropped", count)} since start; both results for every
     * sink, 0 included, so that the first drop is an increase an alert sees.
     */
    public void auditEventsFrom(ScrapedValues source) {
        auditEvents.readFrom(source);
    }

    /** Readings {@code (sink, events)} in the sink's buffer now. */
    public void auditBufferedFrom(ScrapedValues source) {
        auditBuffered.readFrom(source);
    }

    /** Readings {@code ("armed" | "woven" | "missed", hooks)}. */
    public void hooksFrom(ScrapedValues source) {
        hooks.readFrom(source);
    }

    /** Readings {@code (hook, 1)}, one per missed hook. */
    public void missedHooksFrom(ScrapedValues source) {
        hookMissed.readFrom(source);
    }

    /** One reading, {@code AgentFailures.count()}. */
    public void agentFailuresFrom(ScrapedValues source) {
        agentFailures.readFrom(source);
    }

    /** One reading, the generation of the policy in force. */
    public void policyGenerationFrom(ScrapedValues source) {
        policyGeneration.readFrom(source);
    }

    /** One reading, 1 while {@code KillSwitch.engaged()}, else 0. */
    public void killSwitchFrom(ScrapedValues source) {
        killSwitch.readFrom(source);
    }

    /** One reading, 1 while the policy is writable by the JVM's user, else 0. */
    public void policyWritableFrom(ScrapedValues source) {
        policyWritable.readFrom(source);
    }
}
