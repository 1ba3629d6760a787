/**
 * The audit trail: every decision the agent takes becomes an {@link dev.primus.agent.audit.AuditEvent}.
 *
 * <p>App threads only offer events to a bounded lock-free queue ({@link
 * dev.primus.agent.audit.AuditQueue}, a JCTools MPSC array queue): no lock, no I/O, never a
 * wait. A full queue drops the event and counts it; the writer reports the count in an
 * {@code audit} event as soon as it has drained. One daemon thread ({@link
 * dev.primus.agent.audit.AuditWriter}) numbers, encodes and batches events into the sinks, and
 * drains them, within a bounded wait, when the JVM shuts down.
 */
package dev.primus.agent.audit;
