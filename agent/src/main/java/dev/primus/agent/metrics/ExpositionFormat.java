package dev.primus.agent.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The two ways a scrape is written: Prometheus text format 0.0.4 and OpenMetrics 1.0.0. Samples
 * are written alike in both; they differ in the family name of a counter ({@code primus_x_total}
 * in 0.0.4, {@code primus_x} in OpenMetrics, whose samples add {@code _total}), in what HELP
 * escapes, and in OpenMetrics's closing {@code # EOF}.
 */
public enum ExpositionFormat {
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8") {
        @Override
        String familyName(FamilySnapshot family) {
            return family.name();
        }

        @Override
        void appendHelp(String help, StringBuilder out) {
            // 0.0.4 escapes backslash and line feed in HELP; a double quote stays as it is.
            for (int i = 0; i < help.length(); i++) {
                char c = help.charAt(i);
                out.append(c == '\\' ? "\\\\" : c == '\n' ? "\\n" : String.valueOf(c));
            }
        }

        @Override
        void end(StringBuilder out) {
        }
    },
    OPEN_METRICS("application/openmetrics-text; version=1.0.0; charset=utf-8") {
        @Override
        String familyName(FamilySnapshot family) {
            String name = family.name();
            return family.type() == MetricType.COUNTER ? name.substring(0, name.length() - "_total".length()) : name;
        }

        @Override
        void appendHelp(String help, StringBuilder out) {
            // OpenMetrics escapes HELP as it does label values.
            Sample.appendEscaped(help, out);
        }

        @Override
        void end(StringBuilder out) {
            out.append("# EOF\n");
        }
    };

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The response's {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    abstract String familyName(FamilySnapshot family);

    abstract void appendHelp(String help, StringBuilder out);

    abstract void end(StringBuilder out);

    /**
     * OpenMetrics when the {@code Accept} header (null when absent) lists {@code
     * application/openmetrics-text} with a non-zero quality, as Prometheus's scrapes do; else text 0.0.4.
     */
    public static ExpositionFormat forAccept(String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!"application/openmetrics-text".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    refused = isZero(parameter.substring(2));
                }
            }
            if (!refused) {
                return OPEN_METRICS;
            }
        }
        return PROMETHEUS_TEXT;
    }

    private static boolean isZero(String quality) {
        try {
            return Double.parseDouble(quality) <= 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** Writes every family, in order, with its HELP and TYPE lines even when it has no sample yet. */
    public String write(List<FamilySnapshot> families) {
        StringBuilder out = new StringBuilder(4096);
        for (FamilySnapshot family : families) {
            String name = familyName(family);
            out.append("# HELP ").append(name).append(' ');
            appendHelp(family.help(), out);
            out.append("\n# TYPE ").append(name).append(' ').append(family.type().text()).append('\n');
            for (Sample sample : family.samples()) {
                out.append(sample.name());
                sample.appendLabels(out);
                out.append(' ').append(sample.valueText()).append('\n');
            }
        }
        end(out);
        return out.toString();
    }
}
