package dev.primus.benchmarks.overhead;

import java.util.List;
import java.util.Map;

/**
 * One figure per configuration as a bar at the median of its rounds, with a whisker from the
 * lowest round to the highest: the spread a reader needs to tell an agent's cost from the noise.
 * From zero, so bar heights compare as the values do.
 */
final class BarChart {
    /** One configuration's bar: the median of its rounds and their range. */
    record Bar(String configuration, double median, double min, double max) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 370;
    private static final int LEFT = 80;
    private static final int RIGHT = 610;
    private static final int TOP = 50;
    private static final int BOTTOM = 330;

    private BarChart() {
    }

    static String render(String title, String unit, List<Bar> bars) {
        double largest = bars.stream().mapToDouble(bar -> Math.max(bar.max(), bar.median())).max().orElse(1);
        LinearScale y = LinearScale.zeroTo(largest, BOTTOM, TOP);
        SvgDocument svg = new SvgDocument(WIDTH, HEIGHT, title);
        svg.text(LEFT, 28, "start", "heading", 0, title);
        for (double tick : y.ticks()) {
            svg.line(LEFT, y.pixel(tick), RIGHT, y.pixel(tick), "grid");
            svg.text(LEFT - 8, y.pixel(tick) + 4, "end", "tick", 0, y.label(tick));
        }
        svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, "axis");
        svg.line(LEFT, TOP, LEFT, BOTTOM, "axis");
        svg.text(24, (TOP + BOTTOM) / 2.0, "middle", "axis-title", -90, unit + " (median of rounds; whisker: min-max)");

        double slot = (RIGHT - LEFT) / (double) Math.max(1, bars.size());
        double width = Math.min(80, slot * 0.6);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double center = LEFT + slot * (i + 0.5);
            String color = SvgDocument.color(i);
            svg.rect(center - width / 2, y.pixel(bar.median()), width, BOTTOM - y.pixel(bar.median()), color,
                    Map.of("class", "bar", "data-configuration", bar.configuration(), "data-median", Double.toString(bar.median()),
                            "fill-opacity", "0.75"));
            svg.coloredLine(center, y.pixel(bar.min()), center, y.pixel(bar.max()), "#000000", 1.5,
                    Map.of("class", "whisker", "data-configuration", bar.configuration(),
                            "data-min", Double.toString(bar.min()), "data-max", Double.toString(bar.max())));
            for (double end : new double[] {bar.min(), bar.max()}) {
                svg.coloredLine(center - width / 4, y.pixel(end), center + width / 4, y.pixel(end), "#000000", 1.5,
                        Map.of("class", "whisker-cap"));
            }
            svg.text(center, y.pixel(bar.max()) - 6, "middle", "value", 0, MarkdownReport.number(bar.median()));
            svg.text(center, BOTTOM + 18, "middle", "tick", 0, bar.configuration());
        }
        return svg.render();
    }
}
