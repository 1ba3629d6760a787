package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scrape of the agent's metrics says of its decisions so far, by module: the sampled
 * durations' {@code _sum} and {@code _count} of {@code primus_decision_duration_seconds}, and the
 * decisions counted in {@code primus_decisions_total}; and the agent's own failures so far (NaN
 * when not served). Two readings, before and after a phase, give the agent's own time in it
 * ({@link #since}).
 */
record DecisionReadings(Map<String, Double> sumSeconds, Map<String, Double> timed, Map<String, Double> counted,
                        double agentFailures) {
    static final String DURATION = "primus_decision_duration_seconds";
    static final String DECISIONS = "primus_decisions_total";
    /** Exceptions inside the agent, each swallowed so that the app's call went on: a guard that did not guard. */
    static final String FAILURES = "primus_agent_failures_total";
    /** The agent times one decision in this many per module (its SampledTimer.ONE_IN). */
    static final int SAMPLED_ONE_IN = 64;

    DecisionReadings {
        sumSeconds = Map.copyOf(sumSeconds);
        timed = Map.copyOf(timed);
        counted = Map.copyOf(counted);
    }

    static DecisionReadings of(List<PrometheusText.Sample> samples) {
        Map<String, Double> sum = new TreeMap<>();
        Map<String, Double> count = new TreeMap<>();
        Map<String, Double> decisions = new TreeMap<>();
        double failures = Double.NaN;
        for (PrometheusText.Sample sample : samples) {
            if (sample.name().equals(FAILURES)) {
                failures = sample.value();
                continue;
            }
            String module = sample.labels().get("module");
            if (module == null) {
                continue;
            }
            switch (sample.name()) {
                case DURATION + "_sum" -> sum.put(module, sample.value());
                case DURATION + "_count" -> count.put(module, sample.value());
                // Every outcome and rule of a module together.
                case DECISIONS -> decisions.merge(module, sample.value(), Double::sum);
                default -> {
                }
            }
        }
        return new DecisionReadings(sum, count, decisions, failures);
    }

    /** True when the scrape had none of the agent's decision series: not Primus, or metrics off. */
    boolean isEmpty() {
        return timed.isEmpty() && counted.isEmpty() && Double.isNaN(agentFailures);
    }

    /**
     * The agent's time between {@code before} and this reading: per timed module with at least
     * one timed decision, the mean per decision; {@code answered} requests give the per-request
     * figures. Failures are given in the phase and since the agent started (warm-up included).
     */
    AgentTime since(DecisionReadings before, long answered) {
        List<AgentTime.Module> modules = new ArrayList<>();
        for (Map.Entry<String, Double> entry : new TreeMap<>(timed).entrySet()) {
            String module = entry.getKey();
            double timedDecisions = entry.getValue() - before.timed.getOrDefault(module, 0.0);
            double seconds = sumSeconds.getOrDefault(module, 0.0) - before.sumSeconds.getOrDefault(module, 0.0);
            if (timedDecisions > 0) {
                double aboutPerRequest = answered == 0 ? Double.NaN : timedDecisions * SAMPLED_ONE_IN / answered;
                modules.add(new AgentTime.Module(module, (long) timedDecisions, seconds / timedDecisions * 1e6, aboutPerRequest));
            }
        }
        Map<String, Double> countedPerRequest = new TreeMap<>();
        for (Map.Entry<String, Double> entry : counted.entrySet()) {
            double decisions = entry.getValue() - before.counted.getOrDefault(entry.getKey(), 0.0);
            if (decisions > 0 && answered > 0) {
                countedPerRequest.put(entry.getKey(), decisions / answered);
            }
        }
        return new AgentTime(modules, countedPerRequest, (long) (agentFailures - before.agentFailures),
                Double.isNaN(agentFailures) ? 0 : (long) agentFailures);
    }
}
