package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {
    @Test
    void thePercentileChartHasOneLinePerConfigurationTheLabelledPercentilesAndALegend() throws Exception {
        Document svg = parse(PercentileChart.render("Latency at 500/s", histograms(Map.of("none", 10.0), Map.of("primus", 20.0))));

        List<Element> series = elements(svg, "polyline");
        assertEquals(List.of("none", "primus"), series.stream().map(e -> e.getAttribute("data-configuration")).toList());
        List<String> texts = texts(svg);
        for (String label : List.of("50%", "90%", "99%", "99.9%", "99.99%", "percentile", "latency (ms)", "none", "primus")) {
            assertTrue(texts.contains(label), label + " in " + texts);
        }
        assertEquals(2, elements(svg, "line").stream().filter(e -> e.getAttribute("class").equals("legend-key")).count());
    }

    @Test
    void eachLineSitsAtItsLatencyOnAnAxisFromZero() throws Exception {
        Document svg = parse(PercentileChart.render("t", histograms(Map.of("none", 10.0), Map.of("primus", 20.0))));
        double bottom = xAxisY(svg);

        List<double[]> none = points(elements(svg, "polyline").get(0));
        List<double[]> primus = points(elements(svg, "polyline").get(1));

        // Every request took the same time: flat lines, primus's twice as high above zero.
        assertTrue(none.stream().allMatch(p -> Math.abs(p[1] - none.get(0)[1]) < 0.01));
        double noneHeight = bottom - none.get(0)[1];
        double primusHeight = bottom - primus.get(0)[1];
        assertEquals(2.0, primusHeight / noneHeight, 0.01);
        double topTick = tickLabels(svg).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(topTick >= 20 && topTick < 40, "the axis holds the largest value without dwarfing it: " + topTick);
    }

    @Test
    void aTailRisesOnlyPastItsPercentile() throws Exception {
        Histogram tail = new Histogram(3);
        tail.recordValueWithCount(1_000, 9_900);
        tail.recordValueWithCount(100_000, 100);
        Map<String, Histogram> one = new LinkedHashMap<>();
        one.put("none", tail);
        Document svg = parse(PercentileChart.render("t", one));

        List<double[]> points = points(elements(svg, "polyline").get(0));
        double x99 = xOfLabel(svg, "99%");
        double bottom = xAxisY(svg);

        double low = bottom - points.get(0)[1];
        double high = bottom - points.get(points.size() - 1)[1];
        assertEquals(100, high / low, 1.0);
        assertTrue(points.stream().filter(p -> p[0] < x99 - 1).allMatch(p -> Math.abs(bottom - p[1] - low) < 0.01),
                "flat at 1 ms up to p99");
        assertTrue(points.stream().allMatch(p -> p[1] <= bottom + 0.01 && p[1] >= 0), "inside the plot");
    }

    @Test
    void theBarChartHasOneBarPerConfigurationAtItsMedianWithAWhiskerFromMinToMax() throws Exception {
        Document svg = parse(BarChart.render("time to ready", "ms", List.of(new BarChart.Bar("none", 400, 380, 450),
                new BarChart.Bar("primus-default", 600, 550, 700))));

        List<Element> bars = elements(svg, "rect").stream().filter(e -> e.getAttribute("class").equals("bar")).toList();
        assertEquals(List.of("none", "primus-default"), bars.stream().map(e -> e.getAttribute("data-configuration")).toList());
        double bottom = xAxisY(svg);
        double noneHeight = Double.parseDouble(bars.get(0).getAttribute("height"));
        double primusHeight = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertEquals(1.5, primusHeight / noneHeight, 0.01);
        assertEquals(bottom, Double.parseDouble(bars.get(0).getAttribute("y")) + noneHeight, 0.01);

        Element whisker = elements(svg, "line").stream().filter(e -> e.getAttribute("class").equals("whisker")).findFirst().orElseThrow();
        double perMs = noneHeight / 400;
        assertEquals(bottom - 380 * perMs, Double.parseDouble(whisker.getAttribute("y1")), 0.05);
        assertEquals(bottom - 450 * perMs, Double.parseDouble(whisker.getAttribute("y2")), 0.05);
        assertTrue(texts(svg).containsAll(List.of("none", "primus-default", "time to ready")));
    }

    @Test
    void percentilesAreSpacedByTheirNines() {
        assertEquals(Math.log10(2), PercentileChart.position(50), 1e-12);
        assertEquals(1, PercentileChart.position(90), 1e-12);
        assertEquals(4, PercentileChart.position(99.99), 1e-9);
        assertEquals(99.9, PercentileChart.percentile(3), 1e-9);
    }

    @Test
    void theValueAxisEndsOnARoundNumberAboveTheLargestValue() {
        LinearScale scale = LinearScale.zeroTo(23, 300, 0);

        assertEquals(25, scale.max(), 1e-9);
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0, 25.0), scale.ticks());
        assertEquals(300, scale.pixel(0), 1e-9);
        assertEquals(0, scale.pixel(25), 1e-9);
        assertEquals("0.3", LinearScale.zeroTo(1.4, 1, 0).label(0.1 * 3));
    }

    @Test
    void theRunsChartsMergeTheRoundsAndAreWrittenBesideTheReport(@TempDir Path out) throws Exception {
        AgentConfiguration primus = AgentConfiguration.parse("primus=-javaagent:p.jar");
        List<LaunchMeasurement> launches = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            launches.add(launch(AgentConfiguration.NONE, round, 10, 400 + round));
            launches.add(launch(primus, round, 12, 500 + round));
        }

        List<ChartFiles.Chart> charts = ChartFiles.write(out, List.of(AgentConfiguration.NONE, primus), List.of(500.0), launches);

        assertEquals(List.of("latency-500per-s.svg", "time-to-ready.svg"), charts.stream().map(ChartFiles.Chart::file).toList());
        assertEquals(3 * 100, ChartFiles.mergedLatencies(List.of(primus), launches, 500.0).get("primus").getTotalCount());
        Document latency = parse(Files.readString(out.resolve("latency-500per-s.svg")));
        assertEquals(2, elements(latency, "polyline").size());
        Document ready = parse(Files.readString(out.resolve("time-to-ready.svg")));
        Element primusBar = elements(ready, "rect").stream().filter(e -> e.getAttribute("data-configuration").equals("primus"))
                .findFirst().orElseThrow();
        assertEquals(502.0, Double.parseDouble(primusBar.getAttribute("data-median")), 1e-9);
    }

    private static LaunchMeasurement launch(AgentConfiguration configuration, int round, long latencyMillis, double readyMillis) {
        Histogram latencies = new Histogram(3);
        latencies.recordValueWithCount(latencyMillis * 1000, 100);
        ConstantRateLoad.Result result = new ConstantRateLoad.Result(latencies, 100, 0, 0, 0, 0);
        return new LaunchMeasurement(configuration, round, Map.of(Metric.TIME_TO_READY, readyMillis, Metric.CPU_TO_READY, Double.NaN),
                new SaturationLoad.Result(1000, 1000, 0), new LaunchMeasurement.SaturationBusy(0.5, 0.5),
                List.of(new LaunchMeasurement.RatePhase(500, result)), List.of());
    }

    @SafeVarargs
    private static Map<String, Histogram> histograms(Map<String, Double>... flatMillis) {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (Map<String, Double> one : flatMillis) {
            one.forEach((name, millis) -> {
                Histogram h = new Histogram(3);
                h.recordValueWithCount((long) (millis * 1000), 1000);
                histograms.put(name, h);
            });
        }
        return histograms;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document svg, String tag) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> texts(Document svg) {
        return elements(svg, "text").stream().map(Element::getTextContent).toList();
    }

    private static List<Double> tickLabels(Document svg) {
        return elements(svg, "text").stream().filter(e -> e.getAttribute("class").equals("tick"))
                .map(Element::getTextContent).filter(t -> t.matches("[0-9.]+")).map(Double::parseDouble).toList();
    }

    /** The y of the horizontal axis line: zero on the value axis. */
    private static double xAxisY(Document svg) {
        return elements(svg, "line").stream().filter(e -> e.getAttribute("class").equals("axis"))
                .filter(e -> e.getAttribute("y1").equals(e.getAttribute("y2"))).mapToDouble(e -> Double.parseDouble(e.getAttribute("y1")))
                .findFirst().orElseThrow();
    }

    private static double xOfLabel(Document svg, String label) {
        return elements(svg, "text").stream().filter(e -> e.getTextContent().equals(label))
                .mapToDouble(e -> Double.parseDouble(e.getAttribute("x"))).findFirst().orElseThrow();
    }

    private static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").trim().split("\\s+")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
