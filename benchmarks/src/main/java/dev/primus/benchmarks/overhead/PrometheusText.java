package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the samples of a Prometheus text exposition (format 0.0.4, and OpenMetrics 1.0's, whose
 * samples look the same): {@code name{label="value",...} value [timestamp]}. Comments, HELP and
 * TYPE lines and {@code # EOF} are skipped; the harness needs the values, not the metadata.
 */
final class PrometheusText {
    /** One sample line: metric name, labels in their order, value. */
    record Sample(String name, Map<String, String> labels, double value) {
        Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private final String text;
    private int at;
    private int line;

    private PrometheusText(String text) {
        this.text = text;
    }

    /** Throws IllegalArgumentException naming the line of the first sample it cannot read. */
    static List<Sample> parse(String text) {
        return new PrometheusText(text).samples();
    }

    private List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String row : text.split("\n", -1)) {
            line++;
            String trimmed = row.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            samples.add(sample(trimmed));
        }
        return samples;
    }

    private Sample sample(String row) {
        at = 0;
        int nameEnd = 0;
        while (nameEnd < row.length() && isNameChar(row.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == 0) {
            throw error("no metric name", row);
        }
        String name = row.substring(0, nameEnd);
        at = nameEnd;
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < row.length() && row.charAt(at) == '{') {
            at++;
            labels(row, labels);
        }
        String[] rest = row.substring(at).strip().split("[ \t]+");
        if (rest.length < 1 || rest[0].isEmpty() || rest.length > 2) {
            throw error("expected a value (and at most a timestamp) after the name and labels", row);
        }
        return new Sample(name, labels, value(rest[0], row));
    }

    /** {@code a="1",b="x\"y"}; {@code at} is just past the opening brace, and ends past the closing one. */
    private void labels(String row, Map<String, String> labels) {
        while (true) {
            skipSpaces(row);
            if (at < row.length() && row.charAt(at) == '}') {
                at++;
                return;
            }
            int nameStart = at;
            while (at < row.length() && isNameChar(row.charAt(at))) {
                at++;
            }
            String label = row.substring(nameStart, at);
            skipSpaces(row);
            if (label.isEmpty() || at + 1 >= row.length() || row.charAt(at) != '=' || row.charAt(at + 1) != '"') {
                throw error("expected label=\"value\"", row);
            }
            at += 2;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (at >= row.length()) {
                    throw error("unterminated label value", row);
                }
                char c = row.charAt(at++);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && at < row.length()) {
                    char escaped = row.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            skipSpaces(row);
            if (at < row.length() && row.charAt(at) == ',') {
                at++;
            }
        }
    }

    private double value(String text, String row) {
        switch (text) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw error("'" + text + "' is not a number", row);
                }
            }
        }
    }

    private void skipSpaces(String row) {
        while (at < row.length() && (row.charAt(at) == ' ' || row.charAt(at) == '\t')) {
            at++;
        }
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':';
    }

    private IllegalArgumentException error(String problem, String row) {
        return new IllegalArgumentException("line " + line + ": " + problem + ": " + (row.length() > 120 ? row.substring(0, 120) + "..." : row));
    }
}
