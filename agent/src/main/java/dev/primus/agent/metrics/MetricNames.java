package dev.primus.agent.metrics;

/**
 * Checks metric and label names when a family is created, so that a typo in the catalogue fails
 * the agent's tests rather than a scrape: the exposition formats allow {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
 * for metric names and {@code [a-zA-Z_][a-zA-Z0-9_]*} for label names.
 */
final class MetricNames {
    private MetricNames() {
    }

    static String checkMetric(String name, MetricType type) {
        if (!matches(name, true)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid metric name");
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            // OpenMetrics writes a counter's samples as NAME_total: the family name must end so.
            throw new IllegalArgumentException("counter '" + name + "' must end with _total");
        }
        return name;
    }

    static String[] checkLabels(String metric, String... labels) {
        for (String label : labels) {
            if (!matches(label, false) || label.startsWith("__") || "le".equals(label)) {
                throw new IllegalArgumentException(metric + ": '" + label + "' is not a valid label name");
            }
        }
        return labels.clone();
    }

    private static boolean matches(String name, boolean colonAllowed) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':');
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
