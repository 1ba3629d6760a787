/**
 * {@code java.lang.Throwable}'s message and string form, masked only while an appender or
 * handler runs on the thread: layouts that print a throwable themselves (Log4j2's {@code %ex},
 * JSON layouts, JUL's SimpleFormatter) then write masked text, and the app's own use of its
 * exceptions outside logging sees them unchanged.
 */
package dev.primus.instrumentation.jdk.lang;
