package dev.primus.benchmarks.micro;

import static dev.primus.benchmarks.JsonText.string;

import dev.primus.benchmarks.micro.SuiteReport.Row;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * micro.json: the run's settings and every row of micro.md as values, one row per line. Written
 * by hand, like the overhead harness's summary.json: the shape is small and fixed.
 */
final class MicroJson {
    private MicroJson() {
    }

    static String render(SuiteReport report) {
        SuiteRun run = report.run();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"startedAt\": ").append(string(run.startedAt())).append(",\n");
        json.append("  \"host\": ").append(string(run.host())).append(",\n");
        json.append("  \"java\": ").append(string(run.java())).append(",\n");
        json.append("  \"iterations\": ").append(string(run.iterations())).append(",\n");
        json.append("  \"include\": ").append(run.include() == null ? "null" : string(run.include())).append(",\n");
        json.append("  \"agent\": ").append(run.agent() == null ? "null" : string(run.agent())).append(",\n");
        json.append("  \"toleranceBytes\": ").append(number(Verdict.TOLERANCE_BYTES)).append(",\n");
        json.append("  \"overNoAgentToleranceBytes\": ").append(number(Verdict.TWIN_TOLERANCE_BYTES)).append(",\n");
        json.append("  \"exitCode\": ").append(report.exitCode()).append(",\n");
        json.append("  \"rows\": [");
        for (int i = 0; i < report.rows().size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ").append(row(report.rows().get(i)));
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    private static String row(Row row) {
        Measurement m = row.measurement();
        SuiteEntry entry = m.entry();
        return "{\"benchmark\": " + string(entry.jmhName())
                + ", \"agent\": " + (entry.agent() == null ? "null" : string(entry.agent().name()))
                + ", \"params\": " + m.params().entrySet().stream()
                        .map(p -> string(p.getKey()) + ": " + string(p.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"))
                + ", \"mode\": " + string(m.mode())
                + ", \"threads\": " + m.threads()
                + ", \"cleanPath\": " + entry.cleanPath()
                + ", \"measures\": " + string(entry.measures())
                + ", \"result\": " + row.hasResult()
                + ", \"nsPerOp\": " + number(m.nsPerOp())
                + ", \"nsPerOpError\": " + number(m.nsPerOpError())
                + ", \"bytesPerOp\": " + number(m.bytesPerOp())
                + ", \"ratios\": " + row.ratios().stream()
                        .map(r -> "{\"baseline\": " + string(r.baseline()) + ", \"ratio\": " + number(r.value()) + "}")
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", \"countedBytes\": " + number(row.verdict().countedBytes())
                + ", \"verdict\": " + string(m.measured() ? row.verdict().text() : "no result")
                + ", \"cleanPathAllocates\": " + row.verdict().failsCleanPath()
                + "}";
    }

    /** JSON has no NaN: a missing figure is null. */
    static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.6g", value).trim();
    }
}
