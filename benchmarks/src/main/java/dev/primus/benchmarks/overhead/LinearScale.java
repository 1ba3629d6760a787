package dev.primus.benchmarks.overhead;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from zero to a round maximum, mapped onto pixels, with ticks at 1, 2 or 5 times
 * a power of ten: the y axis of the charts. From zero, so that a bar's or a line's height is
 * proportional to its value and a 5% difference looks like one.
 */
final class LinearScale {
    private final double max;
    private final double step;
    private final double pixelAtZero;
    private final double pixelAtMax;

    private LinearScale(double max, double step, double pixelAtZero, double pixelAtMax) {
        this.max = max;
        this.step = step;
        this.pixelAtZero = pixelAtZero;
        this.pixelAtMax = pixelAtMax;
    }

    /** An axis that holds {@code largest} with about five ticks; y pixels grow downwards, so zero is the bottom. */
    static LinearScale zeroTo(double largest, double pixelAtZero, double pixelAtMax) {
        double top = largest > 0 && Double.isFinite(largest) ? largest : 1;
        double rough = top / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = rough <= power ? power : rough <= 2 * power ? 2 * power : rough <= 5 * power ? 5 * power : 10 * power;
        return new LinearScale(Math.ceil(top / step - 1e-9) * step, step, pixelAtZero, pixelAtMax);
    }

    double max() {
        return max;
    }

    double pixel(double value) {
        return pixelAtZero + (pixelAtMax - pixelAtZero) * value / max;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** {@code 0.5}, {@code 20}, {@code 1500}: no trailing zeros and no float noise such as 0.30000000000000004. */
    String label(double tick) {
        BigDecimal rounded = new BigDecimal(tick).round(new MathContext(6)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
