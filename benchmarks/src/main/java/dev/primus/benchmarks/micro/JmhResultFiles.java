package dev.primus.benchmarks.micro;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The suite runs JMH once per set of JVM flags (the agent's rows need their own), and JMH writes
 * one JSON result file per run: each an array of benchmark objects. Their elements in one array
 * are the file JMH would have written had it run them all at once.
 */
final class JmhResultFiles {
    private JmhResultFiles() {
    }

    /** The elements of every array in {@code arrays}, in order, in one array. */
    static String merge(List<String> arrays) {
        String elements = arrays.stream()
                .map(String::strip)
                .map(JmhResultFiles::elements)
                .filter(inner -> !inner.isEmpty())
                .collect(Collectors.joining(",\n"));
        return elements.isEmpty() ? "[\n]\n" : "[\n" + elements + "\n]\n";
    }

    private static String elements(String array) {
        if (array.isEmpty()) {
            return ""; // a run whose benchmarks all failed may leave its file empty
        }
        if (!array.startsWith("[") || !array.endsWith("]")) {
            throw new IllegalArgumentException("not a JMH JSON result (an array): " + array.substring(0, Math.min(40, array.length())));
        }
        return array.substring(1, array.length() - 1).strip();
    }
}
