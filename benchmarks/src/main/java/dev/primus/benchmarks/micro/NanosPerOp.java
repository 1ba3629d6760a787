package dev.primus.benchmarks.micro;

/**
 * A JMH score in nanoseconds per operation, whatever the benchmark's mode and unit: a time per
 * operation ({@code us/op}) is scaled; a throughput ({@code ops/s}) is inverted.
 */
final class NanosPerOp {
    private NanosPerOp() {
    }

    static double of(double score, String unit) {
        String[] parts = split(unit);
        return parts[0].equals("ops") ? nanos(parts[1], unit) / score : score * nanos(parts[0], unit);
    }

    /**
     * The error of {@link #of} from the score's error: scaled for a time; for a throughput, to first
     * order, {@code d(1/x) = dx/x²}, good while the error is small beside the score.
     */
    static double error(double score, double error, String unit) {
        String[] parts = split(unit);
        return parts[0].equals("ops") ? nanos(parts[1], unit) * error / (score * score) : error * nanos(parts[0], unit);
    }

    private static String[] split(String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2 || !(parts[0].equals("ops") || parts[1].equals("op"))) {
            throw new IllegalArgumentException("JMH score unit " + unit + ": expected TIME/op or ops/TIME");
        }
        return parts;
    }

    /** JMH's abbreviations (TimeValue), in nanoseconds. */
    private static double nanos(String time, String unit) {
        return switch (time) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "hr" -> 3600e9;
            case "day" -> 86400e9;
            default -> throw new IllegalArgumentException("JMH score unit " + unit + ": unknown time unit " + time);
        };
    }
}
