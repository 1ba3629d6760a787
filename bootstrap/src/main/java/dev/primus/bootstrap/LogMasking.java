package dev.primus.bootstrap;

import java.io.CharArrayWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where woven logging code hands text to the masking engine before any appender, layout or
 * handler sees it. The agent installs the {@link Checker} once ({@link GateInstallation}); without
 * one (masking off) every value passes unchanged.
 *
 * <p>Each static method returns its input when there is nothing to mask or when the engine
 * fails (counted by {@link AgentFailures}): a log line is never lost to the agent. Whether a
 * thread is inside an appender, and whether the engine's own code is logging, is the engine's to
 * know, not this class's: nothing here can be told to skip a value.
 */
public final class LogMasking {
    /** The engine side, implemented in the agent. Values are returned as they came when clean. */
    public interface Checker {
        /** A value on its own (an argument, a context value, an exception's message): every line break escaped. */
        String maskText(String text);

        /**
         * Logback's formatted message, judged with its template and arguments, read from
         * {@code event} (null when a constructor stores it): a line break the template holds may stay.
         */
        String maskLogbackMessage(String formatted, Object event);

        /**
         * Logback's template as logged ({@code getMessage()}): where the event has no arguments it is
         * the whole message, the app's concatenated text, masked as the formatted message is.
         */
        String maskLogbackTemplate(String template, Object event);

        /** The text a JUL Formatter made of a {@code LogRecord}, judged with the record's template and parameters. */
        String maskJulFormatted(String formatted, Object record);

        /**
         * A message a framework keeps as text alone (Log4j 1's rendered message): its own template,
         * so a line break in it stays unless the text after it could pass for a new record.
         */
        String maskMessage(String message);

        /** A value a layout writes apart from its key (Log4j 1's {@code %X{key}}): judged with the key. */
        String maskValueOf(String key, String value);

        /** A whole line a logger built itself (slf4j-simple's), masked in place as its own template. */
        void maskLine(StringBuilder line);

        /** A logstash structured argument's String value, judged with the marker's field name (null: alone). */
        String maskStructuredArgument(String value, Object marker);

        /** An exception's message or text: masked only while an appender or handler runs on this thread. */
        String maskTextWhileLogging(String text);

        /** An appender or handler starts writing on this thread; pairs with {@link #exitAppender}. */
        void enterAppender(Object appender);

        void exitAppender();

        /**
         * A Logback event's arguments: a copy with masked String elements, each judged alone and
         * where it stands in the event's template; or the same array.
         */
        Object[] maskArguments(Object[] arguments, Object event);

        /** A copy with masked String values, or the same map. */
        Map<?, ?> maskValues(Map<?, ?> values);

        /** A Log4j2 {@code Message}: the same one, or a message with the masked text. */
        Object maskLog4jMessage(Object message);

        /** A Log4j2 {@code StringMap} of context data: the same one, or a masked copy. */
        Object maskLog4jContext(Object contextData);

        /** A Log4j2 {@code ThreadContext.ContextStack} ({@code %x}, NDC), not empty: the same one, or a masked copy. */
        Object maskLog4jContextStack(Object contextStack);

        /** A Log4j2 event that copied its message into its own buffer: masks the buffer in place. */
        void maskLog4jEvent(Object event);

        /** A {@code java.util.logging.LogRecord}: masks its message and String parameters in place. */
        void maskJulRecord(Object record);

        /** SLF4J 2 key-value pairs of a Logback event: a copy with masked String values, or the same list. */
        List<?> maskKeyValuePairs(List<?> pairs);
    }

    // What a value handed to the engine is; one switch instead of one try/catch per kind.
    private static final int TEXT = 0;
    private static final int VALUES = 2;
    private static final int LOG4J_MESSAGE = 3;
    private static final int LOG4J_CONTEXT = 4;
    private static final int LOG4J_EVENT = 5;
    private static final int JUL_RECORD = 6;
    private static final int KEY_VALUE_PAIRS = 7;
    private static final int TEXT_WHILE_LOGGING = 8;
    private static final int LOGBACK_MESSAGE = 9;
    private static final int JUL_MESSAGE = 10;
    private static final int LOG4J_STACK = 11;
    private static final int OWN_TEMPLATE = 12;
    private static final int LINE = 13;
    private static final int ACCESS_LOG_WRITER = 14;
    // What a value judged with something beside it is (maskWith).
    private static final int ARGUMENTS = 15;
    private static final int VALUE_OF_KEY = 16;
    private static final int STRUCTURED_ARGUMENT = 17;
    private static final int LOGBACK_TEMPLATE = 18;

    /** Set once, by the class initializer, from {@link GateInstallation}: see there. */
    private static final Checker ENGINE = GateInstallation.masking();

    private LogMasking() {
    }

    static Checker engine() {
        return ENGINE;
    }

    /** A message, an exception message: the text as it may be written. */
    public static String text(String text) {
        return (String) mask(TEXT, text);
    }

    /** Woven where Logback's event stores its formatted message, passing the event. */
    public static String logbackMessage(String formatted, Object event) {
        return formattedMessage(LOGBACK_MESSAGE, formatted, event);
    }

    /** Woven at the return of Logback's {@code LoggingEvent.getMessage()}, the template as logged, passing the event. */
    public static String logbackTemplate(String template, Object event) {
        return formattedMessage(LOGBACK_TEMPLATE, template, event);
    }

    /** Woven at the return of {@code java.util.logging.Formatter.formatMessage(LogRecord)}, passing the record. */
    public static String julMessage(String formatted, Object record) {
        return formattedMessage(JUL_MESSAGE, formatted, record);
    }

    /**
     * Woven at the entry of the method that prints a line a logger built in a StringBuilder
     * (slf4j-simple's {@code write}): masks the line in place, then marks the thread while it and
     * the stack trace after it are printed; pairs with {@link #exitAppender}.
     */
    public static void enterLine(Object line) {
        enterAppender(line);
        if (line instanceof StringBuilder) {
            mask(LINE, line);
        }
    }

    /**
     * Woven at the entry of a method that writes the access-log line a servlet container built
     * (Jetty's {@code RequestLogWriter.write}, Undertow's {@code DefaultAccessLogReceiver.logMessage}):
     * the line to write instead, masked as a value on its own. Never null for a line.
     */
    public static Object accessLogLine(Object line) {
        return line instanceof String ? mask(TEXT, line) : line;
    }

    /** Woven at the entry of Tomcat's {@code AccessLogValve.log(CharArrayWriter)}: the line, masked in place. */
    public static void accessLogWriter(Object writer) {
        if (writer instanceof CharArrayWriter) {
            mask(ACCESS_LOG_WRITER, writer);
        }
    }

    /** Woven where Log4j 1's event stores its rendered message, and at logback-access's layout's return. */
    public static String message(String message) {
        return (String) mask(OWN_TEMPLATE, message);
    }

    /** Woven at the return of a getter of one context value by its key (Log4j 1's {@code getMDC(key)}). */
    public static Object valueOf(Object value, String key) {
        return value instanceof String ? maskWith(VALUE_OF_KEY, value, key) : value;
    }

    private static String formattedMessage(int kind, String formatted, Object source) {
        return (String) maskWith(kind, formatted, source);
    }

    /**
     * As {@link #mask}, for a value the engine judges with what stands beside it: its event or
     * record ({@code LOGBACK_MESSAGE}, {@code JUL_MESSAGE}, {@code ARGUMENTS}), its key or its marker.
     */
    private static Object maskWith(int kind, Object value, Object beside) {
        Checker engine = ENGINE;
        if (engine == null || value == null) {
            return value;
        }
        try {
            switch (kind) {
                case LOGBACK_MESSAGE:
                    return engine.maskLogbackMessage((String) value, beside);
                case LOGBACK_TEMPLATE:
                    return engine.maskLogbackTemplate((String) value, beside);
                case JUL_MESSAGE:
                    return engine.maskJulFormatted((String) value, beside);
                case ARGUMENTS:
                    return engine.maskArguments((Object[]) value, beside);
                case VALUE_OF_KEY:
                    return engine.maskValueOf((String) beside, (String) value);
                default:
                    return engine.maskStructuredArgument((String) value, beside);
            }
        } catch (Throwable failure) {
            AgentFailures.record("log masking", failure);
            return value;
        }
    }

    /** Tomcat's access-log line, rewritten only when masking changed it. */
    private static void maskInPlace(Checker engine, CharArrayWriter line) {
        String text = line.toString();
        String masked = engine.maskText(text);
        if (masked != text) {
            line.reset();
            line.write(masked, 0, masked.length());
        }
    }

    /**
     * Woven into {@code Throwable.getMessage} and {@code toString}: masks only while an appender
     * or handler runs on this thread, so the app's own use of its exceptions is never changed.
     */
    public static String textWhileLogging(String text) {
        return (String) mask(TEXT_WHILE_LOGGING, text);
    }

    /** Marks the thread as running an appender or handler; pairs with {@link #exitAppender()}. */
    public static void enterAppender(Object appender) {
        Checker engine = ENGINE;
        if (engine != null) {
            try {
                engine.enterAppender(appender);
            } catch (Throwable failure) {
                AgentFailures.record("log masking appender", failure);
            }
        }
    }

    public static void exitAppender() {
        Checker engine = ENGINE;
        if (engine != null) {
            try {
                engine.exitAppender();
            } catch (Throwable failure) {
                AgentFailures.record("log masking appender", failure);
            }
        }
    }

    /** {@code java.util.logging.Logger.log(LogRecord)}: masks the record, then marks the thread while handlers run. */
    public static void enterJulLog(Object record) {
        enterAppender(record);
        mask(JUL_RECORD, record);
    }

    /** Logback's argument array, as {@code event}'s getter returns it. */
    public static Object arguments(Object arguments, Object event) {
        return arguments instanceof Object[] ? maskWith(ARGUMENTS, arguments, event) : arguments;
    }

    /**
     * Woven where logstash's {@code ObjectAppendingMarker} stores the value a JSON encoder writes as
     * a field, passing the marker: masked, with its field name, when a String.
     */
    public static Object structuredArgument(Object value, Object marker) {
        return value instanceof String ? maskWith(STRUCTURED_ARGUMENT, value, marker) : value;
    }

    /** Logback's MDC copy of an event; logstash's map-entries argument. */
    public static Map<?, ?> values(Map<?, ?> values) {
        return (Map<?, ?>) mask(VALUES, values);
    }

    /** Logback's key-value pairs of an event (SLF4J 2's fluent API). */
    public static List<?> keyValuePairs(List<?> pairs) {
        return (List<?>) mask(KEY_VALUE_PAIRS, pairs);
    }

    public static Object log4jMessage(Object message) {
        return mask(LOG4J_MESSAGE, message);
    }

    public static Object log4jContext(Object contextData) {
        return mask(LOG4J_CONTEXT, contextData);
    }

    /** Woven where Log4j2's events store their context stack (a {@code Collection} of Strings). */
    public static Object log4jContextStack(Object contextStack) {
        return mask(LOG4J_STACK, contextStack);
    }

    /** Woven at the end of {@code setMessage} of Log4j2's reusable events. */
    public static void afterLog4jSetMessage(Object event) {
        mask(LOG4J_EVENT, event);
    }

    private static Object mask(int kind, Object value) {
        Checker engine = ENGINE;
        if (engine == null || value == null) {
            return value;
        }
        try {
            switch (kind) {
                case TEXT:
                    return engine.maskText((String) value);
                case TEXT_WHILE_LOGGING:
                    return engine.maskTextWhileLogging((String) value);
                case VALUES:
                    // Inside the try: the map is the app's (a logstash argument), and may throw.
                    return ((Map<?, ?>) value).isEmpty() ? value : engine.maskValues((Map<?, ?>) value);
                case LOG4J_MESSAGE:
                    return engine.maskLog4jMessage(value);
                case LOG4J_CONTEXT:
                    return engine.maskLog4jContext(value);
                case OWN_TEMPLATE:
                    return engine.maskMessage((String) value);
                case LINE:
                    engine.maskLine((StringBuilder) value);
                    return value;
                case ACCESS_LOG_WRITER:
                    maskInPlace(engine, (CharArrayWriter) value);
                    return value;
                case LOG4J_STACK:
                    // Empty on most events: asked through the JDK's interface, no reflection.
                    return ((Collection<?>) value).isEmpty() ? value : engine.maskLog4jContextStack(value);
                case LOG4J_EVENT:
                    engine.maskLog4jEvent(value);
                    return value;
                case KEY_VALUE_PAIRS:
                    return ((List<?>) value).isEmpty() ? value : engine.maskKeyValuePairs((List<?>) value);
                default:
                    engine.maskJulRecord(value);
                    return value;
            }
        } catch (Throwable failure) {
            AgentFailures.record("log masking", failure);
            return value;
        }
    }
}
