package dev.primus.agent.metrics;

/** An {@link AgentMetrics} with a sample in every family, and label values that need escaping. */
final class PopulatedMetrics {
    private PopulatedMetrics() {
    }

    static AgentMetrics create() {
        AgentMetrics metrics = new AgentMetrics(8);
        metrics.decision("egress", "denied", "egress.deny[0]");
        metrics.decision("egress", "allowed", "egress.allow[2]");
        metrics.decision("auth", "would_deny", "auth.default");
        metrics.decision("webhook", "denied", "rule \"quoted\" \\ back\nslash");
        metrics.authFailure("invalid_token", "auth.rules[1]");
        metrics.rateLimitRejection("per_tenant", "tenant");
        metrics.newEgressDestination("denied");
        metrics.configReload("applied");
        metrics.configReload("refused");
        for (int i = 0; i < 3 * SampledTimer.ONE_IN; i++) {
            SampledTimer timer = metrics.decisionTimer(i % 2 == 0 ? AgentMetrics.EGRESS : AgentMetrics.LOGGING);
            timer.endSample(timer.startSample());
        }
        metrics.maskedValuesFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("jwt", 4);
                readings.add("pan", 1);
            }
        });
        metrics.auditEventsFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("file", "written", 120);
                readings.add("nats", "written", 118);
                readings.add("nats", "dropped", 2);
            }
        });
        metrics.auditBufferedFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("nats", 7);
            }
        });
        metrics.hooksFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("armed", 38);
                readings.add("woven", 31);
                readings.add("missed", 1);
            }
        });
        metrics.missedHooksFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("ConnectInterceptor.intercept", 1);
            }
        });
        metrics.agentFailuresFrom(constant(3));
        metrics.policyGenerationFrom(constant(2));
        metrics.killSwitchFrom(constant(0));
        metrics.policyWritableFrom(constant(1));
        return metrics;
    }

    static ScrapedValues constant(final long value) {
        return new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add(value);
            }
        };
    }
}
