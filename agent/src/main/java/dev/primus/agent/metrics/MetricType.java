package dev.primus.agent.metrics;

/** The three kinds of family the agent exports, named as both exposition formats write them. */
public enum MetricType {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram");

    private final String text;

    MetricType(String text) {
        this.text = text;
    }

    /** The word on the {@code # TYPE} line. */
    public String text() {
        return text;
    }
}
