package dev.primus.agent.logging;

import dev.primus.agent.masking.Masker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;

/**
 * Masks the values a logging framework hands over: text, argument arrays, maps, Log4j2 messages
 * and events, JUL records, key-value pairs. In enforce mode it returns masked values; in monitor
 * mode it runs the same detection (so the counts in the {@code masking} audit events are what
 * enforce would mask) and returns every value unchanged.
 */
final class LogValueMasker {
    /** How far into a line slf4j-simple built its message may start: date, thread, level and logger name. */
    private static final int MAX_PREFIX = 512;
    private final Masker masker;
    private final boolean enforce;
    private final Log4jAccess log4j = new Log4jAccess();
    private final Slf4jKeyValuePairs keyValuePairs = new Slf4jKeyValuePairs();
    private final LogbackEvents logback = new LogbackEvents();
    /** The template and arguments of each kind of message, read only for one that holds a line break. */
    private final Masker.MessageParts logbackParts = new Masker.MessageParts() {
        @Override
        public String template(Object event) {
            return logback.template(event);
        }

        @Override
        public Object[] arguments(Object event) {
            return logback.arguments(event);
        }
    };
    private final Masker.MessageParts log4jParts = new Masker.MessageParts() {
        @Override
        public String template(Object message) {
            return log4j.template(message);
        }

        @Override
        public Object[] arguments(Object message) {
            return log4j.parameters(message);
        }
    };
    private static final Masker.MessageParts JUL_PARTS = new Masker.MessageParts() {
        @Override
        public String template(Object record) {
            return ((LogRecord) record).getMessage();
        }

        @Override
        public Object[] arguments(Object record) {
            return ((LogRecord) record).getParameters();
        }
    };

    LogValueMasker(Masker masker, boolean enforce) {
        this.masker = masker;
        this.enforce = enforce;
    }

    /** Whether {@code text}, as a value or a message, passes unchanged: see {@link Masker#passes}. */
    boolean passes(String text) {
        return masker.passes(text);
    }

    public String maskText(String text) {
        String masked = masker.mask(text);
        return enforce ? masked : text;
    }

    /** A value written apart from its key (MDC, context data, key-value pairs, JSON fields): judged with the key. */
    public String maskValueOf(Object key, String value) {
        String masked = masker.maskValueOf(key instanceof String ? (String) key : null, value);
        return enforce ? masked : value;
    }

    /**
     * A formatted message: its template's own line breaks stay unless they would forge a record
     * ({@link Masker#maskMessageOf}); template and arguments are read by {@code parts} from
     * {@code message} only when the text holds a break. Null parts: the message is its own template.
     */
    private String maskMessage(String formatted, Masker.MessageParts parts, Object message) {
        String masked = masker.maskMessageOf(formatted, parts, message);
        return enforce ? masked : formatted;
    }

    /** A logstash structured argument: judged with the marker's field name ({@code getFieldName}, public API). */
    public String maskStructuredArgument(String value, Object marker) {
        return maskValueOf(marker == null ? null : logback.fieldName(marker), value);
    }

    /** Logback's formatted message; {@code event} null when it is stored before its constructor's super(). */
    public String maskLogbackMessage(String formatted, Object event) {
        return maskMessage(formatted, event == null ? null : logbackParts, event);
    }

    /**
     * Logback's template as logged ({@code getMessage()}, which the logstash encoder's rawMessage and
     * Sentry write): where the event has no arguments, the app concatenated its text into it, and it
     * is masked as the formatted message, the same text, is; a template with arguments is the
     * developer's own text with its placeholders, kept as written.
     */
    public String maskLogbackTemplate(String template, Object event) {
        Object[] arguments = event == null ? null : logback.arguments(event);
        return arguments == null || arguments.length == 0 ? maskLogbackMessage(template, event) : template;
    }

    /** A message kept as text alone (Log4j 1's): its own template. */
    public String maskOwnTemplate(String message) {
        return maskMessage(message, null, null);
    }

    /**
     * A whole line slf4j-simple built ({@code [thread] LEVEL logger - message}): the message after
     * the first {@code " - "} is its own template, masked in place in enforce mode; the prefix, which
     * holds no data of the app's, is left as it is, so that what the engine finds at a message's
     * start (a bound parameter after its statement) is found there.
     */
    public void maskLineInPlace(StringBuilder line) {
        int message = messageStart(line);
        if (message >= line.length()) {
            return;
        }
        if (enforce) {
            masker.maskMessage(line, message, null, null);
        } else {
            masker.maskMessage(line.substring(message), null, null);
        }
    }

    /** After the first " - " in the line's first {@value #MAX_PREFIX} chars, else 0. */
    static int messageStart(CharSequence line) {
        int limit = Math.min(line.length(), MAX_PREFIX) - 2;
        for (int i = 0; i < limit; i++) {
            if (line.charAt(i) == ' ' && line.charAt(i + 1) == '-' && line.charAt(i + 2) == ' ') {
                return i + 3;
            }
        }
        return 0;
    }

    /** The text a JUL Formatter made of {@code record}, which {@link #maskJulRecord} has already judged. */
    public String maskJulFormatted(String formatted, Object record) {
        return maskMessage(formatted, JUL_PARTS, record);
    }

    public Object[] maskArguments(Object[] arguments) {
        Object[] copy = null;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String) {
                String original = (String) arguments[i];
                String masked = maskText(original);
                if (masked != original) {
                    if (copy == null) {
                        copy = arguments.clone();
                    }
                    copy[i] = masked;
                }
            }
        }
        return copy == null ? arguments : copy;
    }

    /**
     * A Logback event's arguments, as a layout that writes them apart from the message reads them
     * (a JSON encoder's {@code arg0}, an error tracker's parameters, the socket appender): each
     * String masked alone, and each String or integer that passes alone judged where it stands in
     * the event's template, as the message was ({@code log.info("password={}", pw)}); one masked
     * there becomes its masked text. {@code layout}: the thread's. The same array when nothing changed.
     */
    public Object[] maskLogbackArguments(Object[] arguments, Object event, TemplateLayout layout) {
        Object[] masked = maskArguments(arguments);
        if (!enforce || event == null || !holdsCandidate(arguments, masked)) {
            return masked;
        }
        String template;
        try {
            template = logback.template(event);
        } catch (RuntimeException e) {
            return masked; // an event of the app's own that cannot answer: its arguments as masked alone
        }
        if (template == null) {
            return masked;
        }
        layout.layOut(template, arguments);
        String[] inPlace = masker.maskedParts(layout.text(), layout.starts(), layout.ends(), layout.placed());
        if (inPlace == null) {
            return masked;
        }
        for (int i = 0; i < layout.placed(); i++) {
            if (inPlace[i] != null && isCandidate(arguments[i], masked[i])) {
                if (masked == arguments) {
                    masked = arguments.clone();
                }
                masked[i] = inPlace[i];
            }
        }
        return masked;
    }

    /** Whether any argument is one that masking alone left as it was, and that a value in its place would change. */
    private static boolean holdsCandidate(Object[] arguments, Object[] masked) {
        for (int i = 0; i < arguments.length; i++) {
            if (isCandidate(arguments[i], masked[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCandidate(Object argument, Object masked) {
        return masked == argument && (argument instanceof String || TemplateLayout.isNumber(argument));
    }

    public Map<?, ?> maskValues(Map<?, ?> values) {
        Map<Object, Object> copy = null;
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            // Only String values: a map a JSON encoder writes field by field may hold anything.
            if (!(entry.getValue() instanceof String)) {
                continue;
            }
            String original = (String) entry.getValue();
            String masked = maskValueOf(entry.getKey(), original);
            if (masked != original) {
                if (copy == null) {
                    // The event's map may be the framework's live, read-only MDC map: never write to it.
                    copy = new LinkedHashMap<Object, Object>(values);
                }
                copy.put(entry.getKey(), masked);
            }
        }
        return copy == null ? values : copy;
    }

    public List<?> maskKeyValuePairs(List<?> pairs) {
        try {
            return keyValuePairs.mask(pairs, this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read or copy an SLF4J key-value pair", e);
        }
    }

    /**
     * A Log4j2 message's text ({@code getFormattedMessage}), made before the engine is entered: making
     * it runs the parameters' {@code toString}, the app's code, which may log itself.
     */
    public String log4jFormatted(Object message) {
        return log4j.formattedMessage(message);
    }

    /** {@code formatted}: the message's text, from {@link #log4jFormatted}. */
    public Object maskLog4jMessage(Object message, String formatted) {
        Object map = log4j.maskMapMessage(message, this);
        if (map != null && map != message) {
            return map;
        }
        // A clean map still goes through its text: a value is a secret by its key (password=...).
        if (formatted == null) {
            return message;
        }
        String masked = maskMessage(formatted, log4jParts, message);
        return masked == formatted ? message : log4j.simpleMessage(message, masked);
    }

    public Object maskLog4jContext(Object contextData) {
        return log4j.maskValues(contextData, this);
    }

    /** Each item of a Log4j2 context stack ({@code %x}) masked as a value on its own; a frozen copy when any changed. */
    public Object maskLog4jContextStack(Object contextStack) {
        Collection<?> items = (Collection<?>) contextStack;
        List<String> masked = null;
        int i = 0;
        for (Object item : items) {
            if (item instanceof String) {
                String value = maskText((String) item);
                if (value != item) {
                    if (masked == null) {
                        masked = new ArrayList<String>(items.size());
                        for (Object before : items) {
                            masked.add((String) before);
                        }
                    }
                    masked.set(i, value);
                }
            }
            i++;
        }
        return masked == null ? contextStack : log4j.contextStack(contextStack, masked);
    }

    /**
     * Only the reusable buffer: a message the event keeps as an object is masked as it is stored.
     * When the buffer held a value, the event's parameters are dropped, as the masked message of
     * an immutable event has none: read apart, they would give back what the text masked.
     */
    public void maskLog4jEvent(Object event) {
        StringBuilder text = log4j.eventText(event);
        if (text == null || text.length() == 0) {
            return;
        }
        // A reusable event is its own message: getFormat and getParameters read what setMessage copied.
        if (enforce) {
            if (masker.maskMessageOf(text, 0, log4jParts, event)) {
                log4j.dropParameters(event);
            }
        } else {
            masker.maskMessageOf(text.toString(), log4jParts, event);
        }
    }

    /**
     * Judges the record's message as a Formatter would write it, template and parameters together,
     * before any handler runs; when that changes anything, the record carries the masked text and
     * no parameters, so that a handler formatting it itself writes the same. Parameters a template
     * does not use are masked one by one, for handlers that write them apart.
     */
    /**
     * The record's message as a Formatter would write it, made before the engine is entered: making
     * it runs the parameters' {@code toString}, the app's code, which may log a record itself. Null
     * for a record with no message.
     */
    public String julFormatted(Object record) {
        LogRecord julRecord = (LogRecord) record;
        return julRecord.getMessage() == null ? null : JulMessages.formatted(julRecord);
    }

    /** {@code formatted}: the record's message, from {@link #julFormatted}. */
    public void maskJulRecord(Object record, String formatted) {
        LogRecord julRecord = (LogRecord) record;
        String template = julRecord.getMessage();
        if (template == null || formatted == null) {
            return;
        }
        Object[] parameters = julRecord.getParameters();
        boolean parametersApplied = formatted != template && parameters != null && parameters.length > 0;
        String masked = parametersApplied ? maskMessage(formatted, JUL_PARTS, julRecord) : maskMessage(formatted, null, null);
        if (masked != formatted) {
            julRecord.setMessage(masked);
        }
        if (parametersApplied) {
            if (masked != formatted) {
                julRecord.setParameters(null);
            }
        } else if (parameters != null) {
            Object[] maskedParameters = maskArguments(parameters);
            if (maskedParameters != parameters) {
                julRecord.setParameters(maskedParameters);
            }
        }
    }
}
