package dev.primus.agent.metrics;

import dev.primus.bootstrap.AgentFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A counter or gauge whose values are read from {@link ScrapedValues} at each scrape. A source that
 * throws is an agent failure, counted and logged once; the scrape goes on with the others.
 */
public final class ScrapeTimeFamily implements MetricFamily {
    private final String name;
    private final String help;
    private final MetricType type;
    private final String[] labelNames;
    private final int maxSeries;
    private final List<ScrapedValues> sources = new CopyOnWriteArrayList<ScrapedValues>();

    ScrapeTimeFamily(String name, String help, MetricType type, int maxSeries, String... labelNames) {
        if (type == MetricType.HISTOGRAM) {
            throw new IllegalArgumentException(name + ": a histogram cannot be read from a callback");
        }
        this.name = MetricNames.checkMetric(name, type);
        this.help = help;
        this.type = type;
        this.labelNames = MetricNames.checkLabels(name, labelNames);
        this.maxSeries = maxSeries;
    }

    @Override
    public String name() {
        return name;
    }

    /** Adds a source; each scrape reads all of them into this family. */
    public void readFrom(ScrapedValues source) {
        if (source == null) {
            throw new IllegalArgumentException(name + ": a source is required");
        }
        sources.add(source);
    }

    @Override
    public FamilySnapshot snapshot() {
        Readings readings = new Readings(name, labelNames.length, maxSeries);
        for (ScrapedValues source : sources) {
            try {
                source.readInto(readings);
            } catch (RuntimeException | LinkageError failure) {
                AgentFailures.record("metrics source of " + name, failure);
            }
        }
        List<Sample> samples = new ArrayList<Sample>();
        for (Map.Entry<List<String>, Long> reading : readings.values().entrySet()) {
            samples.add(new Sample(name, labelNames, reading.getKey().toArray(new String[0]), reading.getValue()));
        }
        return new FamilySnapshot(name, help, type, samples);
    }
}
