package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioSummaryTest {
    @Test
    void takesTheMedianOfThePerRoundRatiosNotTheRatioOfMedians() {
        // Rounds' ratios: 1.2, 1.1, 1.5; the ratio of the medians would be 132/110 = 1.2.
        RatioSummary summary = RatioSummary.of(List.of(120.0, 132.0, 150.0), List.of(100.0, 120.0, 100.0));

        assertEquals(1.2, summary.medianRatio(), 1e-9);
        assertEquals(1.1, summary.minRatio(), 1e-9);
        assertEquals(1.5, summary.maxRatio(), 1e-9);
        assertEquals(132.0, summary.medianValue(), 1e-9);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, RatioSummary.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
    }

    @Test
    void aRangeCrossingOneIsNotDistinguishableFromNoAgent() {
        RatioSummary summary = RatioSummary.of(List.of(105.0, 98.0, 110.0), List.of(100.0, 100.0, 100.0));

        assertFalse(summary.distinguishable());
        assertEquals("not distinguishable from no agent", summary.verdict(false));
    }

    @Test
    void aRangeTouchingOneIsNotDistinguishableEither() {
        RatioSummary summary = RatioSummary.of(List.of(100.0, 110.0, 120.0), List.of(100.0, 100.0, 100.0));

        assertFalse(summary.distinguishable());
    }

    @Test
    void higherInEveryRoundIsWorseWhereLowerIsBetter() {
        RatioSummary summary = RatioSummary.of(List.of(110.0, 120.0, 115.0), List.of(100.0, 100.0, 100.0));

        assertTrue(summary.distinguishable());
        assertEquals("worse: higher than no agent in every round (+15.0%)", summary.verdict(false));
    }

    @Test
    void lowerThroughputInEveryRoundIsWorse() {
        RatioSummary summary = RatioSummary.of(List.of(900.0, 950.0, 800.0), List.of(1000.0, 1000.0, 1000.0));

        assertEquals("worse: lower than no agent in every round (-10.0%)", summary.verdict(true));
    }

    @Test
    void roundsWithAnUnknownFigureOrAZeroBaselineGiveNoRatio() {
        RatioSummary summary = RatioSummary.of(List.of(110.0, Double.NaN, 120.0, 130.0), List.of(100.0, 100.0, Double.NaN, 0.0));

        assertEquals(1, summary.rounds());
        assertEquals(1.1, summary.medianRatio(), 1e-9);
        assertEquals("one round: no range to judge by", summary.verdict(false));
    }
}
