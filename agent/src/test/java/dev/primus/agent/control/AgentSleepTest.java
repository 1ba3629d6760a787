package dev.primus.agent.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.bootstrap.AgentFailures;
import org.junit.jupiter.api.Test;

class AgentSleepTest {
    /** Code in the app that interrupts an agent's watcher neither ends its pause nor goes unsaid. */
    @Test
    void anInterruptNeitherEndsThePauseNorGoesUncounted() throws Exception {
        long failuresBefore = AgentFailures.count();
        long[] slept = new long[1];
        Thread watcher = new Thread(() -> {
            long started = System.nanoTime();
            AgentSleep.sleep(300);
            slept[0] = (System.nanoTime() - started) / 1_000_000;
        });
        watcher.start();
        Thread.sleep(50);
        watcher.interrupt();
        watcher.join(5_000);
        assertTrue(slept[0] >= 295, "slept " + slept[0] + " ms of 300");
        assertTrue(AgentFailures.count() > failuresBefore, "the interrupt is counted");
    }
}
