package dev.primus.agent.logging;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * A JUL record's message as {@code java.util.logging.Formatter.formatMessage} writes it: localised
 * by the record's bundle, then formatted with {@link MessageFormat} when it holds a {@code {0}}-style
 * parameter. The masking guard judges that text whole, template and parameters together, before
 * any handler runs, since a custom handler may format the record itself and never call a Formatter.
 */
final class JulMessages {
    private JulMessages() {
    }

    /** The record's message as a Formatter would write it; its own message when nothing applies. */
    static String formatted(LogRecord record) {
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
