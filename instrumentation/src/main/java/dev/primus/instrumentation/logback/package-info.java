/**
 * Logback 1.2 to 1.5: the event's formatted message, MDC copy and the throwable proxy's message
 * are masked as the event stores them, the argument array and key-value pairs (1.3 and later) as
 * an appender reads them; every appender runs marked
 * as logging, so exception text it prints itself is masked too.
 */
package dev.primus.instrumentation.logback;
