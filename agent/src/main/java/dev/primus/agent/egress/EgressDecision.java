package dev.primus.agent.egress;

/** What the policy said about a destination, and which rule said it. Immutable and shared. */
public final class EgressDecision {
    private final boolean allowed;
    private final String rule;
    private final String reason;

    EgressDecision(boolean allowed, String rule, String reason) {
        this.allowed = allowed;
        this.rule = rule;
        this.reason = reason;
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
