package dev.primus.benchmarks.overhead;

import java.util.List;
import java.util.Locale;

/**
 * The request rates of the fixed-rate phases: given with {@code --rates}, or half of what
 * {@code none} served at saturation in the first launch of the first round, which is always
 * {@code none}'s (the rotation starts there). One set of rates for every launch keeps the
 * latencies comparable; choosing it in the first measured launch, rather than in a launch of its
 * own, saves a whole warm-up on a machine where a launch costs a minute.
 */
final class FixedRates {
    private List<Double> rates;
    private String chosen;

    private FixedRates(List<Double> rates, String chosen) {
        this.rates = rates;
        this.chosen = chosen;
    }

    static FixedRates of(List<Double> given) {
        return given.isEmpty() ? new FixedRates(null, null) : new FixedRates(List.copyOf(given), "given with --rates");
    }

    /** The rates for a launch that has just measured {@code saturation} 2xx/s; the first call decides them. */
    List<Double> after(AgentConfiguration configuration, double saturation) {
        if (rates == null) {
            if (!configuration.equals(AgentConfiguration.NONE)) {
                throw new IllegalStateException("the rates are chosen in none's launch, but " + configuration.name() + " ran first");
            }
            rates = List.of((double) Math.max(1, Math.round(saturation / 2)));
            chosen = String.format(Locale.ROOT, "half of none's %.0f 2xx/s at saturation in round 1", saturation);
        }
        return rates;
    }

    /** The rates, once chosen. */
    List<Double> rates() {
        return rates == null ? List.of() : rates;
    }

    /** How they were chosen, for the report. */
    String chosen() {
        return chosen;
    }
}
