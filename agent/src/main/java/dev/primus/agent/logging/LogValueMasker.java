package dev.primus.agent.logging;

import dev.primus.agent.masking.Masker;
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
    private final Masker masker;
    private final boolean enforce;
    private final Log4jAccess log4j = new Log4jAccess();
    private final Slf4jKeyValuePairs keyValuePairs = new Slf4jKeyValuePairs();
    private final LogbackEvents logback = new LogbackEvents();

    LogValueMasker(Masker masker, boolean enforce) {
        this.masker = masker;
        this.enforce = enforce;
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
     * ({@link Masker#maskMessage}). Template and arguments are read only when the text holds a
     * break; without them (null) the message is its own template.
     */
    private String maskMessage(String formatted, String template, Object[] arguments) {
        String masked = masker.maskMessage(formatted, template, arguments);
        return enforce ? masked : formatted;
    }

    /** A logstash structured argument: judged with the marker's field name ({@code getFieldName}, public API). */
    public String maskStructuredArgument(String value, Object marker) {
        return maskValueOf(marker == null ? null : logback.fieldName(marker), value);
    }

    /** Logback's formatted message; {@code event} null when it is stored by a constructor. */
    public String maskLogbackMessage(String formatted, Object event) {
        boolean breaks = event != null && hasBreak(formatted);
        return maskMessage(formatted, breaks ? logback.template(event) : null, breaks ? logback.arguments(event) : null);
    }

    /** The text a JUL Formatter made of {@code record}, which {@link #maskJulRecord} has already judged. */
    public String maskJulFormatted(String formatted, Object record) {
        LogRecord julRecord = (LogRecord) record;
        boolean breaks = hasBreak(formatted);
        return maskMessage(formatted, breaks ? julRecord.getMessage() : null, breaks ? julRecord.getParameters() : null);
    }

    private static boolean hasBreak(CharSequence text) {
        if (text instanceof String) {
            // String.indexOf is a vectorised intrinsic: two of them beat one charAt loop.
            return ((String) text).indexOf('\n') >= 0 || ((String) text).indexOf('\r') >= 0;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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

    public Object maskLog4jMessage(Object message) {
        Object map = log4j.maskMapMessage(message, this);
        if (map != null && map != message) {
            return map;
        }
        // A clean map still goes through its text: a value is a secret by its key (password=...).
        String formatted = log4j.formattedMessage(message);
        if (formatted == null) {
            return message;
        }
        boolean breaks = hasBreak(formatted);
        String masked = maskMessage(formatted, breaks ? log4j.template(message) : null,
                breaks ? log4j.parameters(message) : null);
        return masked == formatted ? message : log4j.simpleMessage(message, masked);
    }

    public Object maskLog4jContext(Object contextData) {
        return log4j.maskValues(contextData, this);
    }

    /** Only the reusable buffer: a message the event keeps as an object is masked as it is stored. */
    public void maskLog4jEvent(Object event) {
        StringBuilder text = log4j.eventText(event);
        if (text == null || text.length() == 0) {
            return;
        }
        // A reusable event is its own message: getFormat and getParameters read what setMessage copied.
        boolean breaks = hasBreak(text);
        String template = breaks ? log4j.template(event) : null;
        Object[] parameters = breaks ? log4j.parameters(event) : null;
        if (enforce) {
            masker.maskMessage(text, 0, template, parameters);
        } else {
            masker.maskMessage(text.toString(), template, parameters);
        }
    }

    /**
     * Judges the record's message as a Formatter would write it, template and parameters together,
     * before any handler runs; when that changes anything, the record carries the masked text and
     * no parameters, so that a handler formatting it itself writes the same. Parameters a template
     * does not use are masked one by one, for handlers that write them apart.
     */
    public void maskJulRecord(Object record) {
        LogRecord julRecord = (LogRecord) record;
        String template = julRecord.getMessage();
        if (template == null) {
            return;
        }
        Object[] parameters = julRecord.getParameters();
        String formatted = JulMessages.formatted(julRecord);
        boolean parametersApplied = formatted != template && parameters != null && parameters.length > 0;
        String masked = parametersApplied ? maskMessage(formatted, template, parameters) : maskMessage(formatted, null, null);
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
