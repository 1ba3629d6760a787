package dev.primus.agent.metrics;

/** A named set of series of one type, read whole at each scrape. */
public interface MetricFamily {
    String name();

    /** Reads every series now; called on the scraping thread, never on a guard's. */
    FamilySnapshot snapshot();
}
