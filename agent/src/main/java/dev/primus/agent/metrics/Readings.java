package dev.primus.agent.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link ScrapedValues} of one family report during one scrape. Readings of the same label
 * set are summed (two sinks of one name are one series); past the family's bound, new label sets
 * are summed into the series whose label values are all {@code _other}, as counters fold.
 */
public final class Readings {
    private final String family;
    private final int labels;
    private final int maxSeries;
    private final Map<List<String>, Long> values = new LinkedHashMap<List<String>, Long>();
    private long other;
    private boolean folded;

    Readings(String family, int labels, int maxSeries) {
        this.family = family;
        this.labels = labels;
        this.maxSeries = maxSeries;
    }

    /** The value of a family without labels. */
    public void add(long value) {
        put(value);
    }

    public void add(String labelValue, long value) {
        put(value, labelValue);
    }

    public void add(String labelValue1, String labelValue2, long value) {
        put(value, labelValue1, labelValue2);
    }

    private void put(long value, String... labelValues) {
        if (labelValues.length != labels) {
            throw new IllegalArgumentException(family + " has " + labels + " labels; a reading gave " + labelValues.length);
        }
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = LabelledCounter.value(labelValues[i]);
        }
        List<String> key = Arrays.asList(labelValues);
        Long known = values.get(key);
        if (known != null) {
            values.put(key, known + value);
        } else if (values.size() < maxSeries - 1 || labels == 0) {
            values.put(key, value);
        } else {
            other += value;
            folded = true;
        }
    }

    /** Label values, each with its value, in the order first read; {@code _other} last. */
    Map<List<String>, Long> values() {
        Map<List<String>, Long> all = new LinkedHashMap<List<String>, Long>(values);
        if (folded) {
            String[] otherValues = new String[labels];
            Arrays.fill(otherValues, LabelledCounter.OTHER);
            all.put(Arrays.asList(otherValues), other);
        }
        return all;
    }
}
