package dev.primus.agent.egress;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import dev.primus.config.Mode;
import java.nio.charset.StandardCharsets;

/** Builds a policy from the egress section of a config written in the test. */
final class PolicyFixture {
    /**
     * For tests that hand a resolver's answer to the engine directly, with no woven resolver below
     * them, in a JVM whose JDK resolves names itself: whatever this test JVM's class path holds
     * (dnsjava, a test dependency, supplies a resolver provider that JDK 18+ would ask).
     */
    static final GateCallers.Check TRUSTING = trusting(null);

    private PolicyFixture() {
    }

    /** As {@link #TRUSTING}, in a JVM whose lookups ask the app's resolver provider named by {@code provider} (or none). */
    static GateCallers.Check trusting(final java.net.URL provider) {
        return new GateCallers.Check() {
            @Override
            public boolean fromJdkLookup() {
                return true;
            }

            @Override
            public boolean fromNettyResolver() {
                return true;
            }

            @Override
            public java.net.URL appResolverProvider() {
                return provider;
            }
        };
    }

    /** A judge that believes the answers a test records as a woven resolver's. */
    static EgressJudge trustingJudge(EgressPolicy policy, Mode mode, AuditPipeline audit, AgentMetrics metrics) {
        return new EgressJudge(new EgressRules(policy, mode, false, "test.yaml"), audit, metrics, TRUSTING);
    }

    static EgressPolicy policy(String egressYaml) {
        LoadResult result = new ConfigLoader(name -> null)
                .load("test.yaml", ("service: t\negress:\n" + egressYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return new EgressPolicy(result.config().egress());
    }
}
