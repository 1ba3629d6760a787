package dev.primus.agent.metrics;

/**
 * One line of the exposition: a sample name (the family's, or with {@code _bucket}, {@code _sum},
 * {@code _count}), its labels and its value. Both formats write it alike, and the MBean names its
 * attribute by {@link #series()}, so JMX and a scrape show the same series under the same name.
 */
public final class Sample {
    private final String name;
    private final String[] labelNames;
    private final String[] labelValues;
    private final Number value;

    /** {@code value} is a {@link Long} (counts) or a {@link Double} (a histogram's sum in seconds). */
    Sample(String name, String[] labelNames, String[] labelValues, Number value) {
        this.name = name;
        this.labelNames = labelNames;
        this.labelValues = labelValues;
        this.value = value;
    }

    public String name() {
        return name;
    }

    String[] labelNames() {
        return labelNames.clone();
    }

    public Number value() {
        return value;
    }

    /** The value as the exposition writes it: a whole number, or a float in Go's shortest form. */
    public String valueText() {
        return value instanceof Long ? value.toString() : FloatText.format(value.doubleValue());
    }

    /** {@code name{label="value",...}}, label values escaped as both formats require. */
    public String series() {
        StringBuilder series = new StringBuilder(name);
        appendLabels(series);
        return series.toString();
    }

    void appendLabels(StringBuilder out) {
        if (labelNames.length == 0) {
            return;
        }
        out.append('{');
        for (int i = 0; i < labelNames.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(labelNames[i]).append("=\"");
            appendEscaped(labelValues[i], out);
            out.append('"');
        }
        out.append('}');
    }

    /** Backslash, double quote and line feed, the three characters a label value must escape. */
    static void appendEscaped(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '"') {
                out.append("\\\"");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
    }
}
