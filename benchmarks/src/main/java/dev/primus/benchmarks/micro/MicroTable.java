package dev.primus.benchmarks.micro;

import dev.primus.benchmarks.micro.SuiteReport.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * micro.md, also printed: one row per benchmark and parameter set, then which clean paths
 * allocate, which benchmarks gave no result, and what each row measures.
 */
final class MicroTable {
    private MicroTable() {
    }

    static String render(SuiteReport report) {
        SuiteRun run = report.run();
        StringBuilder md = new StringBuilder();
        md.append("# Micro suite: the engines' JMH benchmarks with the GC profiler\n\n");
        md.append("- Started ").append(run.startedAt()).append(" on ").append(run.host()).append(", Java ")
                .append(run.java()).append('\n');
        md.append("- Iterations: ").append(run.iterations()).append('\n');
        if (run.include() != null) {
            md.append("- Only benchmarks matching `").append(run.include()).append("`\n");
        }
        if (run.agent() != null) {
            md.append("- Agent rows: `-javaagent:").append(run.agent()).append("=config=agent-NAME.yaml`\n");
        }
        md.append("- ns/op: JMH's score per operation (the mean in sample mode) ± half its 99.9% confidence interval."
                + " B/op: gc.alloc.rate.norm, every thread's allocation per operation. Ratio: ns/op over the named"
                + " baseline's, same parameters, same run.\n");
        md.append(String.format(Locale.ROOT, "- A clean path (a decision or log line with nothing to deny or mask) must"
                + " allocate nothing: more than %.1f B/op fails the run. A row with the agent is judged on what it"
                + " allocates over the same benchmark without it: more than %.0f B/op, an object per call.%n%n",
                Verdict.TOLERANCE_BYTES, Verdict.TWIN_TOLERANCE_BYTES));

        md.append("| benchmark | parameters | ns/op ± error | ratio | B/op | clean path | verdict |\n");
        md.append("|---|---|---:|---|---:|---|---|\n");
        for (Row row : report.rows()) {
            Measurement m = row.measurement();
            md.append("| ").append(m.entry().label()).append(" | ").append(parameters(row, report)).append(" | ");
            if (m.measured()) {
                md.append(nanos(m.nsPerOp()));
                if (!Double.isNaN(m.nsPerOpError())) {
                    md.append(" ± ").append(nanos(m.nsPerOpError()));
                }
            } else {
                md.append("no result");
            }
            md.append(" | ").append(row.ratios().stream()
                            .map(r -> ratio(r.value()) + "× " + r.baseline())
                            .collect(Collectors.joining("; ")))
                    .append(" | ").append(bytes(m.bytesPerOp()))
                    .append(" | ").append(m.entry().cleanPath() ? "yes" : "no")
                    .append(" | ").append(verdict(row)).append(" |\n");
        }
        md.append('\n');

        List<Row> allocating = report.cleanPathsAllocating();
        md.append("Clean paths that allocate: ").append(allocating.isEmpty() ? "none" : allocating.stream()
                .map(row -> row.measurement().entry().label() + qualifier(row, report) + " " + row.verdict().text())
                .collect(Collectors.joining("; "))).append(".\n");
        List<Row> missing = report.withoutResult();
        if (!missing.isEmpty()) {
            md.append("No result (see JMH's output for the error): ").append(missing.stream()
                    .map(row -> row.measurement().entry().label() + qualifier(row, report))
                    .collect(Collectors.joining("; "))).append(".\n");
        }
        md.append("Exit code ").append(report.exitCode()).append(".\n\n");

        md.append("## What each row measures\n\n");
        Set<String> described = new LinkedHashSet<>();
        for (Row row : report.rows()) {
            SuiteEntry entry = row.measurement().entry();
            String name = entry.label() + (entry.agent() != null ? " with agent " + entry.agent().name() : "");
            if (described.add(name)) {
                md.append("- `").append(name).append("`: ").append(entry.measures()).append('\n');
            }
        }
        return md.toString();
    }

    /** JMH parameters, threads beyond one, a mode other than average time, and the agent when a twin runs without it. */
    static String parameters(Row row, SuiteReport report) {
        Measurement m = row.measurement();
        List<String> parts = new ArrayList<>();
        m.params().forEach((name, value) -> parts.add(name + "=" + value));
        if (m.threads() > 1) {
            parts.add("threads=" + m.threads());
        }
        if (!m.mode().isEmpty() && !m.mode().equals("avgt")) {
            parts.add(m.mode());
        }
        SuiteEntry entry = m.entry();
        if (entry.agent() != null) {
            parts.add("agent " + entry.agent().name());
        } else if (report.rows().stream().map(r -> r.measurement().entry())
                .anyMatch(e -> e.benchmark() == entry.benchmark() && e.method().equals(entry.method()) && e.agent() != null)) {
            parts.add("no agent");
        }
        return String.join(", ", parts);
    }

    private static String qualifier(Row row, SuiteReport report) {
        String parameters = parameters(row, report);
        return parameters.isEmpty() ? "" : " (" + parameters + ")";
    }

    private static String verdict(Row row) {
        if (!row.measurement().measured()) {
            return "no result";
        }
        String text = row.verdict().text();
        // Bold, so the row that fails the run stands out in the table.
        return row.verdict().failsCleanPath() ? "**" + text + "**" : text;
    }

    /** Two significant digits below 1, where a guarded path 150 times faster than its baseline should not read 0.01. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, value < 1 ? "%.2g" : "%.2f", value);
    }

    static String nanos(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
    }

    static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.3f" : value < 100 ? "%.1f" : "%.0f", value);
    }
}
