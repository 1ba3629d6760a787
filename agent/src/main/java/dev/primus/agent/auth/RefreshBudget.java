package dev.primus.agent.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * At most {@code count} grants in any {@code window} (a sliding window, not fixed slots), read
 * off the given clock. How a stream of tokens naming made-up {@code kid}s is kept from turning
 * into a stream of requests to the identity provider. Thread-safe.
 */
final class RefreshBudget {
    private final int count;
    private final long windowMillis;
    private final Clock clock;
    /** When each grant still inside the window was made, oldest first. */
    private final ArrayDeque<Long> granted = new ArrayDeque<Long>();

    RefreshBudget(int count, Duration window, Clock clock) {
        this.count = count;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** True, and counted, when fewer than {@code count} grants were made in the last window. */
    synchronized boolean tryTake() {
        long now = clock.millis();
        while (!granted.isEmpty() && now - granted.peekFirst() >= windowMillis) {
            granted.pollFirst();
        }
        if (granted.size() >= count) {
            return false;
        }
        granted.addLast(now);
        return true;
    }
}
