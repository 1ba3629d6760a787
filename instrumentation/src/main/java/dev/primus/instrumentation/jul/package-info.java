/**
 * java.util.logging: {@code Logger.log(LogRecord)}, where every JUL call ends, masks the record's
 * message and String parameters before any handler sees it, and marks the thread while the
 * handlers run; {@code Formatter.formatMessage} masks the formatted text, where a pattern and
 * its parameters together make a secret ({@code password={0}}).
 */
package dev.primus.instrumentation.jul;
