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

    LogValueMasker(Masker masker, boolean enforce) {
        this.masker = masker;
        this.enforce = enforce;
    }

    public String maskText(String text) {
        String masked = masker.mask(text);
        return enforce ? masked : text;
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
            String masked = maskText(original);
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
        String masked = formatted == null ? null : maskText(formatted);
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
        if (enforce) {
            masker.mask(text, 0);
        } else {
            masker.mask(text.toString());
        }
    }

    public void maskJulRecord(Object record) {
        LogRecord julRecord = (LogRecord) record;
        String message = julRecord.getMessage();
        if (message != null) {
            String masked = maskText(message);
            if (masked != message) {
                julRecord.setMessage(masked);
            }
        }
        Object[] parameters = julRecord.getParameters();
        if (parameters != null) {
            Object[] masked = maskArguments(parameters);
            if (masked != parameters) {
                julRecord.setParameters(masked);
            }
        }
    }
}
