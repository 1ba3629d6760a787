package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionFormatTest {
    private static MetricRegistry smallRegistry() {
        MetricRegistry registry = new MetricRegistry(16);
        OneLabelCounter reloads = registry.counter("demo_reloads_total", "Reloads by result.", "result");
        reloads.inc("applied");
        reloads.inc("applied");
        reloads.inc("refused");
        registry.scrapedGauge("demo_buffered", "Events held.", "sink").readFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("file", 3);
                readings.add("nats", 0);
            }
        });
        registry.scrapedCounter("demo_failures_total", "Failures.").readFrom(PopulatedMetrics.constant(2));
        registry.counter("demo_unused_total", "Never counted.", "kind");
        return registry;
    }

    @Test
    void writesTextFormat004() {
        assertEquals("# HELP demo_reloads_total Reloads by result.\n"
                + "# TYPE demo_reloads_total counter\n"
                + "demo_reloads_total{result=\"applied\"} 2\n"
                + "demo_reloads_total{result=\"refused\"} 1\n"
                + "# HELP demo_buffered Events held.\n"
                + "# TYPE demo_buffered gauge\n"
                + "demo_buffered{sink=\"file\"} 3\n"
                + "demo_buffered{sink=\"nats\"} 0\n"
                + "# HELP demo_failures_total Failures.\n"
                + "# TYPE demo_failures_total counter\n"
                + "demo_failures_total 2\n"
                + "# HELP demo_unused_total Never counted.\n"
                + "# TYPE demo_unused_total counter\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(smallRegistry().scrape()));
    }

    @Test
    void writesOpenMetricsWithCounterFamiliesNamedWithoutTotalAndAnEof() {
        assertEquals("# HELP demo_reloads Reloads by result.\n"
                + "# TYPE demo_reloads counter\n"
                + "demo_reloads_total{result=\"applied\"} 2\n"
                + "demo_reloads_total{result=\"refused\"} 1\n"
                + "# HELP demo_buffered Events held.\n"
                + "# TYPE demo_buffered gauge\n"
                + "demo_buffered{sink=\"file\"} 3\n"
                + "demo_buffered{sink=\"nats\"} 0\n"
                + "# HELP demo_failures Failures.\n"
                + "# TYPE demo_failures counter\n"
                + "demo_failures_total 2\n"
                + "# HELP demo_unused Never counted.\n"
                + "# TYPE demo_unused counter\n"
                + "# EOF\n",
                ExpositionFormat.OPEN_METRICS.write(smallRegistry().scrape()));
    }

    @Test
    void escapesBackslashQuoteAndLineFeedInLabelValuesAndHelpAsEachFormatSays() {
        MetricRegistry registry = new MetricRegistry(16);
        registry.counter("demo_total", "Say \"hi\" \\ and\nbye.", "rule").inc("a\\b\"c\nd");
        assertEquals("# HELP demo_total Say \"hi\" \\\\ and\\nbye.\n"
                + "# TYPE demo_total counter\n"
                + "demo_total{rule=\"a\\\\b\\\"c\\nd\"} 1\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
        assertEquals("# HELP demo Say \\\"hi\\\" \\\\ and\\nbye.\n"
                + "# TYPE demo counter\n"
                + "demo_total{rule=\"a\\\\b\\\"c\\nd\"} 1\n"
                + "# EOF\n",
                ExpositionFormat.OPEN_METRICS.write(registry.scrape()));
    }

    @Test
    void labelSetsPastTheBoundFoldIntoOneOtherSeries() {
        MetricRegistry registry = new MetricRegistry(3);
        OneLabelCounter one = registry.counter("demo_one_total", "One label.", "kind");
        TwoLabelCounter two = registry.counter("demo_two_total", "Two labels.", "kind", "rule");
        ThreeLabelCounter three = registry.counter("demo_three_total", "Three labels.", "module", "outcome", "rule");
        for (String kind : new String[] {"a", "b", "c", "d", "a", "d"}) {
            one.inc(kind);
            two.inc(kind, "r");
            three.inc("egress", kind, "r");
        }
        assertEquals("# HELP demo_one_total One label.\n"
                + "# TYPE demo_one_total counter\n"
                + "demo_one_total{kind=\"a\"} 2\n"
                + "demo_one_total{kind=\"b\"} 1\n"
                + "demo_one_total{kind=\"_other\"} 3\n"
                + "# HELP demo_two_total Two labels.\n"
                + "# TYPE demo_two_total counter\n"
                + "demo_two_total{kind=\"a\",rule=\"r\"} 2\n"
                + "demo_two_total{kind=\"b\",rule=\"r\"} 1\n"
                + "demo_two_total{kind=\"_other\",rule=\"_other\"} 3\n"
                + "# HELP demo_three_total Three labels.\n"
                + "# TYPE demo_three_total counter\n"
                + "demo_three_total{module=\"egress\",outcome=\"a\",rule=\"r\"} 2\n"
                + "demo_three_total{module=\"egress\",outcome=\"b\",rule=\"r\"} 1\n"
                + "demo_three_total{module=\"_other\",outcome=\"_other\",rule=\"_other\"} 3\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
    }

    @Test
    void scrapedReadingsPastTheBoundFoldIntoOtherAndRepeatedLabelSetsAreSummed() {
        MetricRegistry registry = new MetricRegistry(3);
        registry.scrapedGauge("demo_buffered", "Held.", "sink").readFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("file", 1);
                readings.add("nats", 2);
                readings.add("file", 10);
                readings.add("http", 4);
                readings.add("splunk", 8);
            }
        });
        assertEquals("# HELP demo_buffered Held.\n"
                + "# TYPE demo_buffered gauge\n"
                + "demo_buffered{sink=\"file\"} 11\n"
                + "demo_buffered{sink=\"nats\"} 2\n"
                + "demo_buffered{sink=\"_other\"} 12\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
    }

    @Test
    void aDeclaredSeriesIsWrittenAtZeroSoThatItsFirstIncrementIsAnIncrease() {
        String text = ExpositionFormat.PROMETHEUS_TEXT.write(new AgentMetrics().registry().scrape());
        assertTrue(text.contains("primus_config_reloads_total{result=\"refused\"} 0\n"), text);
        assertTrue(text.contains("primus_egress_new_destinations_total{outcome=\"denied\"} 0\n"), text);
        MetricRegistry registry = new MetricRegistry(4);
        ThreeLabelCounter decisions = registry.counter("demo_total", "Demo.", "module", "outcome", "rule");
        decisions.declare("egress", "denied", "egress.deny[0]");
        decisions.inc("egress", "denied", "egress.deny[0]");
        decisions.declare("egress", "denied", "egress.deny[0]");
        assertEquals("# HELP demo_total Demo.\n# TYPE demo_total counter\n"
                + "demo_total{module=\"egress\",outcome=\"denied\",rule=\"egress.deny[0]\"} 1\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
    }

    @Test
    void aNullLabelValueIsTheEmptyValue() {
        MetricRegistry registry = new MetricRegistry(4);
        registry.counter("demo_total", "Demo.", "module", "rule").inc("egress", null);
        assertTrue(ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()).contains("demo_total{module=\"egress\",rule=\"\"} 1\n"));
    }

    @Test
    void histogramBucketsAreCumulativeWithGoStyleBoundsASumInSecondsAndACount() {
        MetricRegistry registry = new MetricRegistry(4);
        HistogramFamily histogram = registry.sampledHistogram("demo_duration_seconds", "Sampled.", "module", "egress");
        SampledTimer timer = histogram.timer("egress");
        timer.record(50);
        timer.record(300);
        timer.record(2_000_000);
        timer.record(5_000_000_000L); // over the 1 s the histogram holds: counted in +Inf only
        String b = "demo_duration_seconds_bucket{module=\"egress\",le=\"";
        assertEquals("# HELP demo_duration_seconds Sampled.\n"
                + "# TYPE demo_duration_seconds histogram\n"
                + b + "1e-07\"} 1\n"
                + b + "2.5e-07\"} 1\n"
                + b + "5e-07\"} 2\n"
                + b + "1e-06\"} 2\n"
                + b + "2.5e-06\"} 2\n"
                + b + "5e-06\"} 2\n"
                + b + "1e-05\"} 2\n"
                + b + "2.5e-05\"} 2\n"
                + b + "0.0001\"} 2\n"
                + b + "0.001\"} 2\n"
                + b + "0.01\"} 3\n"
                + b + "0.1\"} 3\n"
                + b + "+Inf\"} 4\n"
                + "demo_duration_seconds_sum{module=\"egress\"} 5.00200035\n"
                + "demo_duration_seconds_count{module=\"egress\"} 4\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
    }

    @Test
    void histogramCountsAreCumulativeAcrossBucketsAndAcrossScrapes() {
        MetricRegistry registry = new MetricRegistry(4);
        SampledTimer timer = registry.sampledHistogram("demo_duration_seconds", "Sampled.", "module", "auth").timer("auth");
        long[] first = null;
        for (int scrape = 1; scrape <= 3; scrape++) {
            int recorded = 0;
            for (long nanos = 1; nanos < 200_000_000L; nanos *= 3) {
                timer.record(nanos);
                recorded++;
            }
            long[] counts = bucketCounts(registry.scrape().get(0));
            for (int i = 1; i < counts.length; i++) {
                assertTrue(counts[i] >= counts[i - 1], "bucket " + i + " below the one before it in scrape " + scrape);
            }
            assertEquals(recorded * scrape, counts[counts.length - 1], "+Inf counts every value since start");
            if (first == null) {
                first = counts;
            }
            for (int i = 0; i < counts.length; i++) {
                // Each round records the same durations: a scrape adds the interval to what the last one saw.
                assertEquals(first[i] * scrape, counts[i], "bucket " + i + " in scrape " + scrape);
            }
        }
    }

    private static long[] bucketCounts(FamilySnapshot family) {
        List<Long> counts = new ArrayList<Long>();
        for (Sample sample : family.samples()) {
            if (sample.name().endsWith("_bucket")) {
                counts.add(sample.value().longValue());
            }
        }
        long[] array = new long[counts.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = counts.get(i);
        }
        return array;
    }

    @Test
    void prometheusScrapesGetOpenMetricsAndEveryoneElseText004() {
        assertSame(ExpositionFormat.OPEN_METRICS, ExpositionFormat.forAccept("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
        assertSame(ExpositionFormat.OPEN_METRICS, ExpositionFormat.forAccept("Application/OpenMetrics-Text"));
        assertSame(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.forAccept("text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
        assertSame(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.forAccept("application/openmetrics-text; q=0"));
        assertSame(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.forAccept(null));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.PROMETHEUS_TEXT.contentType());
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OPEN_METRICS.contentType());
    }

    @Test
    void floatsAreWrittenAsGoWritesThem() {
        assertEquals("1e-07", FloatText.format(1e-7));
        assertEquals("2.5e-06", FloatText.format(2.5e-6));
        assertEquals("0.0001", FloatText.format(1e-4));
        assertEquals("0.1", FloatText.format(0.1));
        assertEquals("1.5", FloatText.format(1.5));
        assertEquals("123456", FloatText.format(123456.0));
        assertEquals("1e+06", FloatText.format(1e6));
        assertEquals("1.234567e+06", FloatText.format(1234567.0));
        assertEquals("-0.25", FloatText.format(-0.25));
        assertEquals("0", FloatText.format(0.0));
        assertEquals("+Inf", FloatText.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", FloatText.format(Double.NaN));
    }
}
