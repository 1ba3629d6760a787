package dev.primus.agent.logging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A Logback event's message laid out as SLF4J's {@code MessageFormatter} writes it, with where
 * each argument stands: the text in which an argument a layout also writes apart from the message
 * (a JSON encoder's {@code arg0}, an error tracker's parameters) is judged, with the key the
 * template puts before it ({@code "password={}"}). Placeholders as the formatter reads them:
 * {@code \{}} is a literal {@code {}} and takes no argument, {@code \\{}} a backslash and a
 * placeholder. An argument is written as the formatter writes it only where that runs no code of
 * the app's (Strings, the JDK's numbers, booleans and chars, an enum's name); any other stands as
 * {@code ?}, since its {@code toString} was the app's to run once, in the logging call. One per
 * thread: the builder is reused, so a clean layout allocates nothing.
 */
final class TemplateLayout {
    /** A builder grown past this by one long message is dropped after use, not kept for the thread. */
    private static final int KEPT_CAPACITY = 8192;
    private static final String PLACEHOLDER = "{}";
    private static final char ESCAPE = '\\';

    private StringBuilder text = new StringBuilder(256);
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int placed;

    /** Lays out {@code template} with {@code arguments}; the arguments after the last placeholder stand nowhere. */
    void layOut(String template, Object[] arguments) {
        if (text.capacity() > KEPT_CAPACITY) {
            text = new StringBuilder(256);
        }
        text.setLength(0);
        placed = 0;
        int copied = 0;
        while (placed < arguments.length) {
            int at = template.indexOf(PLACEHOLDER, copied);
            if (at < 0) {
                break;
            }
            boolean escaped = at > 0 && template.charAt(at - 1) == ESCAPE;
            if (escaped && !(at > 1 && template.charAt(at - 2) == ESCAPE)) {
                text.append(template, copied, at - 1).append('{');
                copied = at + 1;
                continue;
            }
            text.append(template, copied, escaped ? at - 1 : at);
            place(arguments[placed]);
            copied = at + PLACEHOLDER.length();
        }
        text.append(template, copied, template.length());
    }

    private void place(Object argument) {
        if (placed == starts.length) {
            starts = Arrays.copyOf(starts, placed * 2);
            ends = Arrays.copyOf(ends, placed * 2);
        }
        starts[placed] = text.length();
        appendAsWritten(argument);
        ends[placed] = text.length();
        placed++;
    }

    private void appendAsWritten(Object argument) {
        if (argument == null) {
            text.append("null");
        } else if (argument instanceof String || argument instanceof Boolean || argument instanceof Character
                || isNumber(argument) || argument instanceof BigDecimal || argument instanceof Double
                || argument instanceof Float) {
            text.append(argument);
        } else if (argument instanceof Enum) {
            text.append(((Enum<?>) argument).name());
        } else {
            text.append('?');
        }
    }

    /** Whether {@code argument} is a JDK integer, which a masked argument may be (a phone number kept as a long). */
    static boolean isNumber(Object argument) {
        return argument instanceof Long || argument instanceof Integer || argument instanceof BigInteger
                || argument instanceof Short || argument instanceof Byte;
    }

    CharSequence text() {
        return text;
    }

    int[] starts() {
        return starts;
    }

    int[] ends() {
        return ends;
    }

    /** How many arguments stand in the text: the first {@code placed()}. */
    int placed() {
        return placed;
    }
}
