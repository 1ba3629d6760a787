package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.RateLimitDecision.Outcome;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {
    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertEquals(3, RateLimitDecision.deniedFor(2.01).retryAfterSeconds());
        assertEquals(2, RateLimitDecision.deniedFor(2.0).retryAfterSeconds());
    }

    @Test
    void retryAfterIgnoresFloatNoiseAboveAWholeSecond() {
        assertEquals(2, RateLimitDecision.deniedFor(2.0000000000000004).retryAfterSeconds());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertEquals(1, RateLimitDecision.deniedFor(0.001).retryAfterSeconds());
        assertEquals(1, RateLimitDecision.deniedFor(0).retryAfterSeconds());
    }

    @Test
    void retryAfterIsAtMostADay() {
        assertEquals(86400, RateLimitDecision.deniedFor(1e12).retryAfterSeconds());
        assertEquals(86400, RateLimitDecision.deniedFor(Double.POSITIVE_INFINITY).retryAfterSeconds());
        assertEquals(86400, RateLimitDecision.deniedFor(Double.NaN).retryAfterSeconds());
    }

    @Test
    void aBackendErrorAllowsAndSaysWhy() {
        RateLimitDecision decision = RateLimitDecision.backendError("redis 127.0.0.1:6379/0: ConnectException: refused");
        assertEquals(Outcome.BACKEND_ERROR, decision.outcome());
        assertTrue(decision.allows());
        assertEquals(0, decision.retryAfterSeconds());
        assertEquals("redis 127.0.0.1:6379/0: ConnectException: refused", decision.reason());
    }

    @Test
    void onlyADenialRefuses() {
        assertTrue(RateLimitDecision.allowed().allows());
        assertFalse(RateLimitDecision.deniedFor(1).allows());
    }
}
