package dev.primus.agent.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The families one endpoint and one MBean show, in the order they were made. Creates each kind of
 * family with the registry's bound on series, and refuses a second family of the same name.
 */
public final class MetricRegistry {
    private final int maxSeriesPerFamily;
    private final List<MetricFamily> families = new CopyOnWriteArrayList<MetricFamily>();

    /** {@code maxSeriesPerFamily}: series a family may hold, its {@code _other} one included (at least 2). */
    public MetricRegistry(int maxSeriesPerFamily) {
        if (maxSeriesPerFamily < 2) {
            throw new IllegalArgumentException("a family needs room for at least 2 series, not " + maxSeriesPerFamily);
        }
        this.maxSeriesPerFamily = maxSeriesPerFamily;
    }

    public OneLabelCounter counter(String name, String help, String label) {
        return add(new OneLabelCounter(name, help, maxSeriesPerFamily, label));
    }

    public TwoLabelCounter counter(String name, String help, String label1, String label2) {
        return add(new TwoLabelCounter(name, help, maxSeriesPerFamily, label1, label2));
    }

    public ThreeLabelCounter counter(String name, String help, String label1, String label2, String label3) {
        return add(new ThreeLabelCounter(name, help, maxSeriesPerFamily, label1, label2, label3));
    }

    /** A counter read at each scrape from the sources added with {@link ScrapeTimeFamily#readFrom}. */
    public ScrapeTimeFamily scrapedCounter(String name, String help, String... labels) {
        return add(new ScrapeTimeFamily(name, help, MetricType.COUNTER, maxSeriesPerFamily, labels));
    }

    /** A gauge read at each scrape from the sources added with {@link ScrapeTimeFamily#readFrom}. */
    public ScrapeTimeFamily scrapedGauge(String name, String help, String... labels) {
        return add(new ScrapeTimeFamily(name, help, MetricType.GAUGE, maxSeriesPerFamily, labels));
    }

    /** A histogram of durations timed one call in {@value SampledTimer#ONE_IN}, one timer per label value. */
    public HistogramFamily sampledHistogram(String name, String help, String label, String... labelValues) {
        return add(new HistogramFamily(name, help, label, labelValues));
    }

    private synchronized <F extends MetricFamily> F add(F family) {
        for (MetricFamily known : families) {
            if (known.name().equals(family.name())) {
                throw new IllegalArgumentException("a family named " + family.name() + " exists already");
            }
        }
        families.add(family);
        return family;
    }

    /** Reads every family now; on the scraping thread. */
    public List<FamilySnapshot> scrape() {
        List<FamilySnapshot> snapshots = new ArrayList<FamilySnapshot>(families.size());
        for (MetricFamily family : families) {
            snapshots.add(family.snapshot());
        }
        return snapshots;
    }
}
