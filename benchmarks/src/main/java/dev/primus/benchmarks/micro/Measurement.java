package dev.primus.benchmarks.micro;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * What one run of one suite entry gave: its JMH parameters, its time in ns/op with the error,
 * and its allocation. An entry JMH gave no result for (its set-up threw, its fork died) is
 * a measurement whose figures are NaN.
 *
 * @param params      JMH {@code @Param} values, by name, sorted
 * @param mode        JMH's short label: avgt, sample, thrpt, ss
 * @param threads     benchmark threads
 * @param nsPerOp     JMH's primary score in ns/op (the mean, in sample mode)
 * @param nsPerOpError half the 99.9% confidence interval, ns/op; NaN when JMH has too few iterations
 * @param bytesPerOp  {@code gc.alloc.rate.norm}: bytes allocated per operation
 */
record Measurement(SuiteEntry entry, Map<String, String> params, String mode, int threads, double nsPerOp,
                   double nsPerOpError, double bytesPerOp) {
    /** The GC profiler's normalised allocation rate (JMH before 1.32 prefixed it with '·'). */
    static final String ALLOCATION = "gc.alloc.rate.norm";

    Measurement {
        params = Collections.unmodifiableMap(new TreeMap<>(params)); // by name, so a row reads the same every run
    }

    static Measurement missing(SuiteEntry entry) {
        return new Measurement(entry, Map.of(), "", 0, Double.NaN, Double.NaN, Double.NaN);
    }

    static Measurement of(SuiteEntry entry, RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        String unit = primary.getScoreUnit();
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : run.getParams().getParamsKeys()) {
            params.put(key, run.getParams().getParam(key));
        }
        double bytes = run.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith(ALLOCATION))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst().orElse(Double.NaN);
        return new Measurement(entry, params, run.getParams().getMode().shortLabel(), run.getParams().getThreads(),
                NanosPerOp.of(primary.getScore(), unit), NanosPerOp.error(primary.getScore(), primary.getScoreError(), unit),
                bytes);
    }

    boolean measured() {
        return !Double.isNaN(nsPerOp);
    }

    /** The same benchmark run: same JMH parameters and threads, whatever the method or the agent. */
    boolean sameRunAs(Measurement other) {
        return params.equals(other.params) && threads == other.threads;
    }
}
