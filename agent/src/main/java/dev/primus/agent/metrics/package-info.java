/**
 * The agent's metrics: counters, gauges and sampled latency histograms, served as Prometheus text
 * 0.0.4 or OpenMetrics 1.0.0 by {@link dev.primus.agent.metrics.MetricsServer} and shown as JMX
 * attributes by {@link dev.primus.agent.metrics.MetricsBean}. Plain Java and HdrHistogram, no
 * metrics library: the agent exports about fifteen families, and a client library would bring
 * its own threads, registries and logging into the host JVM.
 *
 * <p><b>The catalogue.</b> {@link dev.primus.agent.metrics.AgentMetrics} makes every family and
 * offers the calls the guards make ({@code decision}, {@code authFailure}, ...). Its names are
 * the ones {@code docs/alerts/primus-alerts.yml} alerts on; {@code AlertRulesTest} keeps the two
 * in step.
 *
 * <p><b>The hot path.</b> A guard's count is a nested {@code ConcurrentHashMap.get} on the label
 * values themselves (one, two or three: {@link dev.primus.agent.metrics.OneLabelCounter} to
 * {@link dev.primus.agent.metrics.ThreeLabelCounter}, no varargs, no key object) and a {@code
 * LongAdder} increment: no lock, no allocation once the label set has been seen ({@code
 * CounterAllocationTest} measures it). Only a label set's first increment takes a lock. Latency
 * is timed one call in 64 ({@link dev.primus.agent.metrics.SampledTimer}): timing every call
 * would cost two {@code System.nanoTime()} calls, as much as the decision itself.
 *
 * <p><b>Bounded series.</b> Label values come from the config and the code (rule ids, modules,
 * reasons, detectors, sinks, hooks), never from a request: a destination, principal or tenant as
 * a label would let callers choose how many series the agent keeps, and show them to whoever
 * reads the metrics. Each family also holds at most a fixed number of series; label sets past it
 * fold into one series whose label values are all {@code _other}.
 *
 * <p><b>Scrape-time series.</b> Numbers the agent already keeps (audit events per sink, values per
 * detector, agent failures, hooks, the kill switch) are not counted twice: the start-up code
 * registers a {@link dev.primus.agent.metrics.ScrapedValues} for each, read on the scraping thread.
 *
 * <p><b>One scrape.</b> {@link dev.primus.agent.metrics.MetricRegistry#scrape} reads every family
 * into {@link dev.primus.agent.metrics.FamilySnapshot}s; {@link
 * dev.primus.agent.metrics.ExpositionFormat} writes them in the format the {@code Accept} header
 * asks for, and the MBean names its attributes by the same series text. Nothing here calls
 * {@code ManagementFactory} or binds a port by itself: the caller decides when.
 */
package dev.primus.agent.metrics;
