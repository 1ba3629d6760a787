/**
 * The logging guard: what woven Logback, Log4j2 and java.util.logging code hands over, masked
 * by the {@link dev.primus.agent.masking.Masker} before any appender, layout or handler sees it.
 *
 * <p>Where the text is caught, and why there: each framework copies the message into its own
 * event once, on the logging thread, before any appender runs (Logback's cached formatted
 * message and MDC map, Log4j2's event message and reusable buffer, a JUL record). Masking that
 * copy means every appender, layout and encoder, synchronous or asynchronous, writes the masked
 * text, and the work is done once per event rather than once per appender. Exception messages
 * are masked where the framework copies them (Logback's and Log4j2's throwable proxies) and, for
 * layouts that print the throwable itself, by {@code Throwable.getMessage} and {@code toString}
 * answering masked text while an appender or handler runs on the thread, and only then.
 *
 * <p>The frameworks are the app's, loaded by its class loaders; this package reaches the few
 * Log4j2 members it needs by reflection ({@link dev.primus.agent.logging.Log4jAccess}), cached
 * per class, so the agent never links against a Log4j2 version.
 */
package dev.primus.agent.logging;
