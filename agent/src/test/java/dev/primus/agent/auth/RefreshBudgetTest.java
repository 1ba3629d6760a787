package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefreshBudgetTest {
    /** A clock the test moves. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.ofEpochSecond(1_700_000_000L);

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final RefreshBudget budget = new RefreshBudget(3, Duration.ofSeconds(30), clock);

    @Test
    void grantsThreeInAWindowThenRefuses() {
        assertTrue(budget.tryTake());
        assertTrue(budget.tryTake());
        assertTrue(budget.tryTake());
        assertFalse(budget.tryTake());
    }

    @Test
    void aGrantIsFreedThirtySecondsAfterItWasMade() {
        budget.tryTake();
        clock.advance(Duration.ofSeconds(10));
        budget.tryTake();
        budget.tryTake();
        clock.advance(Duration.ofSeconds(19));
        assertFalse(budget.tryTake(), "29 s after the first grant");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(budget.tryTake(), "30 s after the first grant");
        assertFalse(budget.tryTake(), "the other two are 20 s old");
    }

    @Test
    void aRefusalSpendsNothing() {
        for (int i = 0; i < 3; i++) {
            budget.tryTake();
        }
        for (int i = 0; i < 100; i++) {
            budget.tryTake();
        }
        clock.advance(Duration.ofSeconds(30));
        assertTrue(budget.tryTake());
    }
}
