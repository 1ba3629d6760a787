package dev.primus.agent.egress;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import dev.primus.config.Mode;
import java.nio.charset.StandardCharsets;

/** Builds a policy from the egress section of a config written in the test. */
final class PolicyFixture {
    /** For tests that hand a resolver's answer to the engine directly, with no woven resolver below them. */
    static final GateCallers.Check TRUSTING = new GateCallers.Check() {
        @Override
        public boolean fromJdkLookup() {
            return true;
        }

        @Override
        public boolean fromNettyResolver() {
            return true;
        }
    };

    private PolicyFixture() {
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
