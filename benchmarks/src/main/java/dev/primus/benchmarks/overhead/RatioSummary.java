package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One metric of one configuration against {@code none} over the rounds: the median value, the
 * median of the per-round ratios configuration/none, and the ratios' range. Each round's two
 * launches are neighbours in time, so their ratio cancels most of the machine's drift; the range
 * shows what is left of the noise instead of hiding it.
 */
record RatioSummary(double medianValue, double medianRatio, double minRatio, double maxRatio, int rounds) {
    static final String NOT_DISTINGUISHABLE = "not distinguishable from no agent";

    /**
     * {@code values} and {@code baseline} by round; a round where either is unknown (NaN) or the
     * baseline is zero gives no ratio and is left out.
     */
    static RatioSummary of(List<Double> values, List<Double> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(values.size(), baseline.size()); round++) {
            double value = values.get(round);
            double base = baseline.get(round);
            if (!Double.isNaN(value) && !Double.isNaN(base) && base != 0) {
                ratios.add(value / base);
            }
        }
        List<Double> known = values.stream().filter(v -> !Double.isNaN(v)).toList();
        if (ratios.isEmpty()) {
            return new RatioSummary(median(known), Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new RatioSummary(median(known), median(ratios), Collections.min(ratios), Collections.max(ratios), ratios.size());
    }

    /** The middle value, or the mean of the two middle ones; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Only when every round's ratio lies on the same side of 1.0 is the difference the agent's, not noise. */
    boolean distinguishable() {
        return rounds >= 2 && (minRatio > 1.0 || maxRatio < 1.0);
    }

    /** In words, for the report: {@code higherIsBetter} says which side of 1.0 is a cost. */
    String verdict(boolean higherIsBetter) {
        if (rounds < 2) {
            return rounds == 0 ? "no ratio: not measured" : "one round: no range to judge by";
        }
        if (!distinguishable()) {
            return NOT_DISTINGUISHABLE;
        }
        boolean higher = minRatio > 1.0;
        return String.format(java.util.Locale.ROOT, "%s: %s than no agent in every round (%+.1f%%)", higher == higherIsBetter ? "better" : "worse",
                higher ? "higher" : "lower", 100 * (medianRatio - 1));
    }
}
