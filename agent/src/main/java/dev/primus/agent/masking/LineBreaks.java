package dev.primus.agent.masking;

/**
 * Replaces CR and LF with the two-character escapes {@code \r} and {@code \n}, so a value in a
 * log message cannot forge a new log line. Nothing else is touched. Runs before detection, so
 * that the detectors see exactly the text they will see when the output is masked again.
 */
final class LineBreaks {
    private LineBreaks() {
    }

    /** The same instance when it has no CR or LF. */
    static String escape(String text) {
        // String.indexOf is a vectorised intrinsic: two of them beat one charAt loop.
        int lf = text.indexOf('\n');
        int cr = text.indexOf('\r');
        int first = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        appendEscaped(text, first, out);
        return out.toString();
    }

    /** Escapes {@code text[from, end)} in place; true when it changed anything. */
    static boolean escape(StringBuilder text, int from) {
        int first = firstBreak(text, from);
        if (first < 0) {
            return false;
        }
        String tail = text.substring(first);
        text.setLength(first);
        appendEscaped(tail, 0, text);
        return true;
    }

    private static int firstBreak(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static void appendEscaped(CharSequence text, int from, StringBuilder out) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(c);
            }
        }
    }
}
