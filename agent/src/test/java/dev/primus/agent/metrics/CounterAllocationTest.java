package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guards count on every decision: once a label set has been seen, counting must allocate
 * nothing. Measured by the JVM's per-thread allocation counter over 100,000 calls.
 *
 * <p>The slack, 1 KB, is for the measurement, not the counting: reading the counter may allocate
 * a little in the JDK, and a TLAB refill in between can be attributed to the thread at once. One
 * allocation per call would be at least 1.6 MB (16 bytes times 100,000), far past it.
 */
class CounterAllocationTest {
    private static final int CALLS = 100_000;
    private static final long SLACK_BYTES = 1024;
    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void enableAllocationCounting() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private static long allocated() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Where the control's lists go, so that escape analysis cannot remove them. */
    private static volatile Object sink;

    @Test
    void theMeasurementSeesAnAllocationPerCall() {
        String rule = new StringBuilder("egress.deny[").append(0).append(']').toString();
        long before = allocated();
        for (int i = 0; i < CALLS; i++) {
            sink = java.util.Arrays.asList(rule, rule);
        }
        long bytes = allocated() - before;
        assertTrue(bytes > 16L * CALLS, "a key object per call would show: " + bytes + " bytes");
    }

    @Test
    void countingASeenLabelSetAllocatesNothing() {
        AgentMetrics metrics = new AgentMetrics();
        MetricRegistry registry = new MetricRegistry(16);
        OneLabelCounter one = registry.counter("demo_one_total", "One.", "result");
        TwoLabelCounter two = registry.counter("demo_two_total", "Two.", "reason", "rule");
        // Label values built at run time, as a rule id read from the config is: not interned constants.
        String rule = new StringBuilder("egress.deny[").append(0).append(']').toString();
        for (int warm = 0; warm < 3; warm++) {
            long before = allocated();
            for (int i = 0; i < CALLS; i++) {
                metrics.decision("egress", "denied", rule);
                one.inc("applied");
                two.inc("invalid_token", rule);
            }
            long bytes = allocated() - before;
            if (warm == 2) {
                assertTrue(bytes < SLACK_BYTES, "3 x " + CALLS + " counts allocated " + bytes + " bytes");
            }
        }
    }

    @Test
    void countingPastTheBoundIntoOtherAllocatesNothing() {
        MetricRegistry registry = new MetricRegistry(2);
        OneLabelCounter counter = registry.counter("demo_total", "Demo.", "kind");
        counter.inc("first");
        long bytes = 0;
        for (int warm = 0; warm < 3; warm++) {
            long before = allocated();
            for (int i = 0; i < CALLS; i++) {
                counter.inc("folded");
            }
            bytes = allocated() - before;
        }
        assertTrue(bytes < SLACK_BYTES, CALLS + " folded counts allocated " + bytes + " bytes");
    }

    @Test
    void timingOneCallInSixtyFourAllocatesNothing() {
        SampledTimer timer = new AgentMetrics().decisionTimer(AgentMetrics.EGRESS);
        long bytes = 0;
        for (int warm = 0; warm < 3; warm++) {
            long before = allocated();
            for (int i = 0; i < CALLS; i++) {
                timer.endSample(timer.startSample());
            }
            bytes = allocated() - before;
        }
        assertTrue(bytes < SLACK_BYTES, CALLS + " timed calls allocated " + bytes + " bytes");
    }
}
