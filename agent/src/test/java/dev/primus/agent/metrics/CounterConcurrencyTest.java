package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CounterConcurrencyTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 50_000;
    private static final String[] RULES = {"egress.deny[0]", "egress.deny[1]", "egress.default"};

    private static Map<String, Long> series(AgentMetrics metrics) {
        Map<String, Long> series = new HashMap<String, Long>();
        for (FamilySnapshot family : metrics.registry().scrape()) {
            for (Sample sample : family.samples()) {
                series.put(sample.series(), sample.value().longValue());
            }
        }
        return series;
    }

    private static void drive(final AgentMetrics metrics) throws InterruptedException {
        final CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < INCREMENTS; i++) {
                        // Every thread meets every label set first at about the same time: the race to create it too.
                        metrics.decision("egress", "denied", RULES[i % RULES.length]);
                        metrics.authFailure("invalid_token", "auth.rules[0]");
                    }
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void threadsIncrementingTogetherLoseNoCount() throws InterruptedException {
        AgentMetrics metrics = new AgentMetrics();
        drive(metrics);
        Map<String, Long> series = series(metrics);
        long decisions = 0;
        for (String rule : RULES) {
            decisions += series.get("primus_decisions_total{module=\"egress\",outcome=\"denied\",rule=\"" + rule + "\"}");
        }
        assertEquals((long) THREADS * INCREMENTS, decisions);
        assertEquals((long) THREADS * INCREMENTS,
                series.get("primus_auth_failures_total{reason=\"invalid_token\",rule=\"auth.rules[0]\"}").longValue());
        assertEquals(RULES.length, metrics.registry().scrape().get(0).samples().size(), "each label set made once");
    }

    @Test
    void theDeltaBetweenTwoScrapesIsWhatWasDrivenBetweenThem() throws InterruptedException {
        AgentMetrics metrics = new AgentMetrics();
        drive(metrics);
        Map<String, Long> before = series(metrics);
        drive(metrics);
        Map<String, Long> after = series(metrics);
        String key = "primus_auth_failures_total{reason=\"invalid_token\",rule=\"auth.rules[0]\"}";
        assertEquals((long) THREADS * INCREMENTS, after.get(key) - before.get(key));
        String rule = "primus_decisions_total{module=\"egress\",outcome=\"denied\",rule=\"egress.default\"}";
        long perThread = 0;
        for (int i = 0; i < INCREMENTS; i++) {
            perThread += RULES[i % RULES.length].equals("egress.default") ? 1 : 0;
        }
        assertEquals(THREADS * perThread, after.get(rule) - before.get(rule));
    }
}
