package dev.primus.agent.control;

import dev.primus.bootstrap.AgentFailures;
import java.util.concurrent.TimeUnit;

/**
 * A pause of an agent thread that no interrupt ends: only code in the app interrupts the agent's
 * threads (the agent stops none of them so), and a watcher that took an interrupt for "stop"
 * would leave an operator's config edit or kill file unread with nothing said. An interrupt is
 * counted as an agent failure and said once per thread, and the pause goes on to its end.
 */
public final class AgentSleep {
    private AgentSleep() {
    }

    public static void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException interrupted) {
                AgentFailures.record(Thread.currentThread().getName() + " interrupted by code in the app; it goes on",
                        interrupted);
            }
        }
    }
}
