package dev.primus.agent.egress;

import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;

/** Builds a policy from the egress section of a config written in the test. */
final class PolicyFixture {
    private PolicyFixture() {
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
