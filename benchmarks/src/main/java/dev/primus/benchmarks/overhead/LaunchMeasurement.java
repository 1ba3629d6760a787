package dev.primus.benchmarks.overhead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one launch measured: each metric's value (NaN where it could not be read, such as
 * /proc figures off Linux), the raw results of its load phases for the files and the
 * generator's own account, and how the app answered each request of the mix (every phase,
 * warm-up included).
 */
record LaunchMeasurement(AgentConfiguration configuration, int round, Map<Metric, Double> values,
                         SaturationLoad.Result saturation, SaturationBusy busy, List<RatePhase> ratePhases,
                         List<RequestAnswers> answers) {
    /**
     * How busy the app's CPUs and the generator's were during the saturation phase, as fractions
     * of the CPUs each may use: an app below 1.0 with a generator near it means the generator,
     * not the app, set the throughput.
     */
    record SaturationBusy(double app, double generator) {
        /** Above this a side is taken as saturated: scheduling and /proc's clock ticks blur the last percents. */
        static final double SATURATED = 0.9;

        boolean generatorBound() {
            return generator >= SATURATED && app < SATURATED;
        }
    }

    /** One fixed-rate phase: its rate, what the generator recorded, and the agent's own account ({@link AgentTime#NONE} without one). */
    record RatePhase(double perSecond, ConstantRateLoad.Result result, AgentTime agentTime) {
        RatePhase(double perSecond, ConstantRateLoad.Result result) {
            this(perSecond, result, AgentTime.NONE);
        }
    }

    LaunchMeasurement {
        values = new LinkedHashMap<>(values);
        ratePhases = List.copyOf(ratePhases);
        answers = List.copyOf(answers);
    }

    /** Sends in this launch that got no 2xx answer. */
    long failedRequests() {
        return answers.stream().mapToLong(RequestAnswers::failed).sum();
    }

    double value(Metric metric) {
        return values.getOrDefault(metric, Double.NaN);
    }
}
