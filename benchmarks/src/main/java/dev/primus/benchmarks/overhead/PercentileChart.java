package dev.primus.benchmarks.overhead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency by percentile, one line per configuration, as HdrHistogram's plotter draws it: the x
 * axis is log10(1 / (1 - p)), so 50%, 90%, 99%, 99.9% and 99.99% are equally spaced and the
 * tail, where agents and stalls show, gets as much room as the median. Milliseconds on y, from
 * zero.
 */
final class PercentileChart {
    /** The labelled percentiles; the axis runs from the first to the last. */
    static final double[] LABELLED = {50, 90, 99, 99.9, 99.99};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 580;
    private static final int TOP = 50;
    private static final int BOTTOM = 380;
    /** Points per line: enough that the steps of a histogram's buckets look like steps. */
    private static final int POINTS = 120;

    private PercentileChart() {
    }

    /** {@code latencyMicros}: a histogram per configuration, in the legend's order. */
    static String render(String title, Map<String, Histogram> latencyMicros) {
        double lowest = position(LABELLED[0]);
        double highest = position(LABELLED[LABELLED.length - 1]);
        double largest = latencyMicros.values().stream()
                .mapToDouble(h -> h.getValueAtPercentile(LABELLED[LABELLED.length - 1]) / 1000.0).max().orElse(1);
        LinearScale y = LinearScale.zeroTo(largest, BOTTOM, TOP);

        SvgDocument svg = new SvgDocument(WIDTH, HEIGHT, title);
        svg.text(LEFT, 28, "start", "heading", 0, title);
        for (double tick : y.ticks()) {
            svg.line(LEFT, y.pixel(tick), RIGHT, y.pixel(tick), "grid");
            svg.text(LEFT - 8, y.pixel(tick) + 4, "end", "tick", 0, y.label(tick));
        }
        for (double percentile : LABELLED) {
            double x = x(position(percentile), lowest, highest);
            svg.line(x, TOP, x, BOTTOM, "grid");
            svg.text(x, BOTTOM + 18, "middle", "tick", 0, label(percentile));
        }
        svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, "axis");
        svg.line(LEFT, TOP, LEFT, BOTTOM, "axis");
        svg.text((LEFT + RIGHT) / 2.0, BOTTOM + 42, "middle", "axis-title", 0, "percentile");
        svg.text(22, (TOP + BOTTOM) / 2.0, "middle", "axis-title", -90, "latency (ms)");

        int series = 0;
        for (Map.Entry<String, Histogram> configuration : latencyMicros.entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i <= POINTS; i++) {
                double position = lowest + (highest - lowest) * i / POINTS;
                double millis = configuration.getValue().getValueAtPercentile(percentile(position)) / 1000.0;
                points.add(new double[] {x(position, lowest, highest), y.pixel(millis)});
            }
            String color = SvgDocument.color(series);
            svg.polyline(points, color, Map.of("class", "series", "data-configuration", configuration.getKey(),
                    "data-p50-ms", Double.toString(configuration.getValue().getValueAtPercentile(50) / 1000.0),
                    "data-p9999-ms", Double.toString(configuration.getValue().getValueAtPercentile(99.99) / 1000.0)));
            double legendY = TOP + 10 + 22 * series;
            svg.coloredLine(RIGHT + 20, legendY, RIGHT + 44, legendY, color, 3, Map.of("class", "legend-key"));
            svg.text(RIGHT + 50, legendY + 4, "start", "legend", 0, configuration.getKey());
            series++;
        }
        return svg.render();
    }

    /** log10(1 / (1 - p)): 0.30 at 50%, 1 at 90%, 2 at 99%, 4 at 99.99%. */
    static double position(double percentile) {
        return Math.log10(100.0 / (100.0 - percentile));
    }

    /** The inverse of {@link #position}. */
    static double percentile(double position) {
        return 100.0 * (1 - Math.pow(10, -position));
    }

    private static double x(double position, double lowest, double highest) {
        return LEFT + (RIGHT - LEFT) * (position - lowest) / (highest - lowest);
    }

    private static String label(double percentile) {
        return new BigDecimal(Double.toString(percentile)).stripTrailingZeros().toPlainString() + "%";
    }
}
