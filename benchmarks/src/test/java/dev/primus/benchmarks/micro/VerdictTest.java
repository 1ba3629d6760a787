package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void jmhsRoundingOfNothingReadsZeroBytes() {
        Verdict verdict = Verdict.of(true, 0.004);

        assertEquals("0 B", verdict.text());
        assertFalse(verdict.failsCleanPath());
    }

    @Test
    void theToleranceItselfStillReadsZero() {
        assertEquals("0 B", Verdict.of(true, 0.5).text());
        assertFalse(Verdict.of(true, 0.5).failsCleanPath());
    }

    @Test
    void aCleanPathAboveTheToleranceFails() {
        Verdict verdict = Verdict.of(true, 24.02);

        assertEquals("allocates 24 B", verdict.text());
        assertTrue(verdict.failsCleanPath());
    }

    @Test
    void aPathThatIsNotCleanMayAllocate() {
        Verdict verdict = Verdict.of(false, 1480.3);

        assertEquals("allocates 1480 B", verdict.text());
        assertTrue(verdict.allocates());
        assertFalse(verdict.failsCleanPath());
    }

    @Test
    void anAgentRowIsJudgedOnWhatItAddsOverNoAgent() {
        Verdict same = Verdict.over(true, 120.3, 120.0);
        Verdict more = Verdict.over(true, 144.0, 120.0);

        assertEquals("0 B over no agent", same.text());
        assertFalse(same.failsCleanPath());
        assertEquals("allocates 24 B over no agent", more.text());
        assertTrue(more.failsCleanPath());
    }

    @Test
    void lessThanAnObjectPerCallOverNoAgentIsNotChargedToTheAgent() {
        // Logback's flushed call, 1285 B without the agent and 1291 B with it: its per-millisecond
        // date cache is shared by fewer calls when each is slower.
        Verdict verdict = Verdict.over(true, 1291.2, 1285.1);

        assertEquals("0 B over no agent", verdict.text());
        assertFalse(verdict.failsCleanPath());
        assertTrue(Verdict.over(true, 1285.1 + 16.5, 1285.1).failsCleanPath());
    }

    @Test
    void anAgentRowBelowItsTwinReadsZero() {
        assertEquals("0 B over no agent", Verdict.over(true, 118.0, 120.0).text());
    }

    @Test
    void noFigureIsNeitherZeroNorAFailure() {
        Verdict verdict = Verdict.over(true, 144.0, Double.NaN);

        assertEquals("no figure", verdict.text());
        assertFalse(verdict.judged());
        assertFalse(verdict.failsCleanPath());
    }
}
