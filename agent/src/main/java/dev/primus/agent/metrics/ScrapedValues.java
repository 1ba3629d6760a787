package dev.primus.agent.metrics;

/**
 * A number the agent already keeps elsewhere (events a sink dropped, values a detector masked,
 * hooks missed), read when Prometheus or JMX asks rather than counted twice. Called on the scraping
 * thread, never on a guard's; it must be quick and must not block. Registered at start-up, so
 * written as an anonymous class:
 *
 * <pre>{@code
 * metrics.agentFailuresFrom(new ScrapedValues() {
 *     public void readInto(Readings readings) {
 *         readings.add(AgentFailures.count());
 *     }
 * });
 * }</pre>
 */
public interface ScrapedValues {
    /** Adds one reading per series, with as many label values as the family has labels. */
    void readInto(Readings readings);
}
