package dev.primus.agent.egress;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * What the policy said about a destination, and which rule said it. Each cached destination
 * has its own instance, so "audit the first time a destination is seen" is one flag here.
 */
public final class EgressDecision {
    private static final AtomicIntegerFieldUpdater<EgressDecision> USED =
            AtomicIntegerFieldUpdater.newUpdater(EgressDecision.class, "used");

    private final boolean allowed;
    private final String rule;
    private final String reason;
    private final boolean byDefault;
    private volatile int used;
    /** The address the decided name spells, when it is an IP literal; set before the decision is shared. */
    private byte[] literal;

    EgressDecision(boolean allowed, String rule, String reason) {
        this(allowed, rule, reason, false);
    }

    private EgressDecision(boolean allowed, String rule, String reason, boolean byDefault) {
        this.allowed = allowed;
        this.rule = rule;
        this.reason = reason;
        this.byDefault = byDefault;
    }

    /** The decision of {@code egress.default}, a fresh instance per destination. */
    static EgressDecision byDefault(boolean allowed) {
        return new EgressDecision(allowed, "egress.default",
                allowed ? "no rule names it; egress.default is allow" : "no rule allows it; egress.default is deny", true);
    }

    /** True when no rule named the destination and {@code egress.default} decided. */
    boolean isByDefault() {
        return byDefault;
    }

    void literal(byte[] address) {
        this.literal = address;
    }

    /** The IP literal the decided name spells, or null for a host name. */
    byte[] literal() {
        return literal;
    }

    /** True exactly once per instance: the first time its destination is acted on. */
    boolean firstUse() {
        // A plain read first: after the first use this is the only cost on the hot path.
        return used == 0 && USED.compareAndSet(this, 0, 1);
    }

    public boolean allowed() {
        return allowed;
    }

    /** The rule that decided, as the config names it: {@code egress.allow[2]}, {@code egress.default}. */
    public String rule() {
        return rule;
    }

    /** Why, for people: {@code host api.example.com is allowed}, {@code no rule allows it}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return (allowed ? "allow" : "deny") + " by " + rule + ": " + reason;
    }
}
