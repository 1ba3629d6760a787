package dev.primus.agent.logging;

import java.lang.reflect.Method;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * A JUL record's message as {@code java.util.logging.Formatter.formatMessage} writes it: localised
 * by the record's bundle, then formatted with {@link MessageFormat} when it holds a {@code {0}}-style
 * parameter. The masking guard judges that text whole, template and parameters together, before
 * any handler runs, since a custom handler may format the record itself and never call a Formatter.
 * A record that formats itself, JBoss LogManager's {@code ExtLogRecord} (its public
 * {@code getFormattedMessage}: printf-style {@code %s} as JBoss Logging's {@code infof} writes,
 * or {@code {0}}), is asked for its text instead, as that LogManager's own formatters ask it.
 */
final class JulMessages {
    /** A record class's public {@code String getFormattedMessage()}, or null for the JDK's own record. */
    private static final ClassValue<Method> SELF_FORMATTING = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (type == LogRecord.class) {
                return null;
            }
            try {
                Method method = type.getMethod("getFormattedMessage");
                return method.getReturnType() == String.class ? method : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private JulMessages() {
    }

    /** The record's message as a Formatter would write it; its own message when nothing applies. */
    static String formatted(LogRecord record) {
        Method selfFormatting = SELF_FORMATTING.get(record.getClass());
        if (selfFormatting != null) {
            try {
                String formatted = (String) selfFormatting.invoke(record);
                return formatted != null ? formatted : record.getMessage();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return record.getMessage(); // as a malformed pattern leaves it to the formatter
            }
        }
        String format = record.getMessage();
        ResourceBundle bundle = record.getResourceBundle();
        if (bundle != null) {
            try {
                format = bundle.getString(format);
            } catch (MissingResourceException | ClassCastException e) {
                format = record.getMessage();
            }
        }
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0 || !hasParameter(format)) {
            return format;
        }
        try {
            return MessageFormat.format(format, parameters);
        } catch (RuntimeException e) {
            return format; // as the JDK's Formatter does on a malformed pattern
        }
    }

    /** JDK 9+ Formatter's test: a '{' followed by a digit. */
    private static boolean hasParameter(String format) {
        for (int i = format.indexOf('{'); i >= 0 && i + 1 < format.length(); i = format.indexOf('{', i + 1)) {
            char digit = format.charAt(i + 1);
            if (digit >= '0' && digit <= '9') {
                return true;
            }
        }
        return false;
    }
}
