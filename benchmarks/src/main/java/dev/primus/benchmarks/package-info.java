/**
 * Benchmarks: JMH micro benchmarks per engine (added with each engine) and harnesses that
 * measure a real app with and without the agent in the same run, alternating, so that the
 * machine's drift hits both sides alike. Results are ratios against that baseline, never
 * absolute times asserted in a test.
 */
package dev.primus.benchmarks;
