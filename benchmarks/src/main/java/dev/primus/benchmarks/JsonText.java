package dev.primus.benchmarks;

import java.util.Locale;

/**
 * A JSON string literal, for the harnesses' summaries. They write their small, fixed shapes by
 * hand, so the benchmarks need no JSON library; this is the one part that is easy to get wrong.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code value} quoted, with quotes, backslashes and control characters escaped. */
    public static String string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
