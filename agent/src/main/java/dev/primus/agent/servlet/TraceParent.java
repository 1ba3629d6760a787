package dev.primus.agent.servlet;

/** The trace and span ids of a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}). */
final class TraceParent {
    private static final int LENGTH = 55;

    private TraceParent() {
    }

    /** The trace id, or null when the header is absent or malformed. */
    static String traceId(String header) {
        return wellFormed(header) ? header.substring(3, 35) : null;
    }

    static String spanId(String header) {
        return wellFormed(header) ? header.substring(36, 52) : null;
    }

    private static boolean wellFormed(String header) {
        if (header == null || header.length() < LENGTH || header.charAt(2) != '-' || header.charAt(35) != '-'
                || header.charAt(52) != '-') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = header.charAt(i);
            if (i != 2 && i != 35 && i != 52 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return !header.startsWith("ff") && !header.regionMatches(3, "00000000000000000000000000000000", 0, 32);
    }

    /**
     * A trace id found under an MDC key, as the trail writes it: 32 lowercase hex digits, a 64-bit
     * B3 id (16) padded with zeros as OpenTelemetry pads it; null for anything else, since an MDC
     * value may come from a request header and the trail must not carry what a caller wrote.
     */
    static String mdcTraceId(String value) {
        String hex = hex(value);
        return hex == null ? null : hex.length() == 32 ? hex : hex.length() == 16 ? "0000000000000000" + hex : null;
    }

    /** A span id found under an MDC key: 16 hex digits, lowercase; null for anything else. */
    static String mdcSpanId(String value) {
        String hex = hex(value);
        return hex != null && hex.length() == 16 ? hex : null;
    }

    private static String hex(String value) {
        if (value == null || value.isEmpty() || value.length() > 32) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }
}
