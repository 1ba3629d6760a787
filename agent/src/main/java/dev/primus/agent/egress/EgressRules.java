package dev.primus.agent.egress;

import dev.primus.config.Mode;

/**
 * One generation of the egress policy: the compiled rules with their decision caches, the mode,
 * {@code on_error}, and the file they came from. Immutable; a reload builds a new one and the
 * {@link EgressJudge} swaps it in whole, so a connect is judged by one generation, never by
 * a mix. A new generation starts with empty caches, so no decision outlives the rules it came
 * from, and its first uses are audited again under the rules now in force.
 */
public final class EgressRules {
    final EgressPolicy policy;
    final Mode mode;
    final boolean failClosed;
    final String configFile;
    final ProcessPolicy processes;

    public EgressRules(EgressPolicy policy, Mode mode, boolean failClosed, String configFile) {
        this.policy = policy;
        this.mode = mode;
        this.failClosed = failClosed;
        this.configFile = configFile;
        this.processes = new ProcessPolicy(policy.processesAllowed(), System.getenv("PATH"));
    }

    /** {@code egress.on_error: fail_closed} in enforce mode: a check that fails denies. */
    boolean failsClosed() {
        return failClosed && mode == Mode.ENFORCE;
    }
}
