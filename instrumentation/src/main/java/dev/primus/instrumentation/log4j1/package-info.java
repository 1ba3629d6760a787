/**
 * Log4j 1.2 and reload4j, which legacy services still run: the event's rendered message is masked
 * as the event stores it, as a message that is its own template (Log4j 1 has no parameters, so
 * data comes in by concatenation); MDC values as layouts read them, with their keys, and the NDC;
 * every appender runs marked as logging, so the stack trace it renders is masked too.
 */
package dev.primus.instrumentation.log4j1;
