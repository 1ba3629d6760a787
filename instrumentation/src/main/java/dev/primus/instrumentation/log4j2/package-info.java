/**
 * Log4j2 2.17 and later: the message and context data of every event kind (immutable,
 * reusable, and the async loggers' ring buffer events) are masked as the event stores them,
 * including the garbage-free path that formats a reusable message into the event's own buffer;
 * the throwable proxy's messages likewise; every appender call runs marked as logging.
 */
package dev.primus.instrumentation.log4j2;
