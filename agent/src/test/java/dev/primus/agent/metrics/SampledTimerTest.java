package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampledTimerTest {
    private static long count(AgentMetrics metrics, String module) {
        for (FamilySnapshot family : metrics.registry().scrape()) {
            for (Sample sample : family.samples()) {
                if (sample.series().equals(AgentMetrics.DECISION_DURATION + "_count{module=\"" + module + "\"}")) {
                    return sample.value().longValue();
                }
            }
        }
        throw new AssertionError("no _count for " + module);
    }

    @Test
    void timesExactlyEverySixtyFourthCallOfOneThread() {
        AgentMetrics metrics = new AgentMetrics();
        SampledTimer timer = metrics.decisionTimer(AgentMetrics.AUTH);
        for (int k = 1; k <= 5; k++) {
            for (int call = 1; call <= SampledTimer.ONE_IN; call++) {
                long started = timer.startSample();
                if (call < SampledTimer.ONE_IN) {
                    assertEquals(0, started, "call " + call + " of round " + k + " is not timed");
                } else {
                    assertNotEquals(0, started, "call 64 of round " + k + " is timed");
                }
                timer.endSample(started);
            }
            assertEquals(k, count(metrics, AgentMetrics.AUTH), "after " + (64 * k) + " calls");
        }
        assertEquals(0, count(metrics, AgentMetrics.EGRESS), "each module has its own timer");
    }

    @Test
    void aSampledDurationLandsInTheSumInSeconds() throws InterruptedException {
        AgentMetrics metrics = new AgentMetrics();
        SampledTimer timer = metrics.decisionTimer(AgentMetrics.EGRESS);
        long started = 0;
        for (int call = 0; call < SampledTimer.ONE_IN; call++) {
            started = timer.startSample();
        }
        Thread.sleep(20);
        timer.endSample(started);
        double sum = -1;
        for (FamilySnapshot family : metrics.registry().scrape()) {
            for (Sample sample : family.samples()) {
                if (sample.series().equals("primus_decision_duration_seconds_sum{module=\"egress\"}")) {
                    sum = sample.value().doubleValue();
                }
            }
        }
        assertTrue(sum >= 0.02 && sum < 5, "sum " + sum);
    }

    @Test
    void endSampleOfAnUnsampledCallRecordsNothing() {
        AgentMetrics metrics = new AgentMetrics();
        metrics.decisionTimer(AgentMetrics.LOGGING).endSample(0);
        assertEquals(0, count(metrics, AgentMetrics.LOGGING));
    }
}
