package dev.primus.benchmarks.overhead;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's own account of one fixed-rate phase, from its metrics endpoint: per timed module
 * the mean time of a decision, per audit module the decisions counted per request, and the
 * failures it swallowed (in the phase, and since it started). Empty when there was no endpoint
 * to ask (a run without an agent, or one without metrics).
 */
record AgentTime(List<Module> modules, Map<String, Double> countedPerRequest, long failuresInPhase, long failuresSoFar) {
    static final AgentTime NONE = new AgentTime(List.of(), Map.of(), 0, 0);

    /**
     * One timed module ({@code egress}, {@code auth}, {@code logging}). The mean is exact for the
     * decisions timed; the agent times one in 64, so the decisions per request, and the time per
     * request that follows from it, are estimates ("about").
     */
    record Module(String module, long timedDecisions, double meanMicros, double aboutDecisionsPerRequest) {
        double aboutMicrosPerRequest() {
            return meanMicros * aboutDecisionsPerRequest;
        }
    }

    AgentTime {
        modules = List.copyOf(modules);
        countedPerRequest = new TreeMap<>(countedPerRequest);
    }

    boolean isEmpty() {
        return modules.isEmpty() && countedPerRequest.isEmpty() && failuresSoFar == 0;
    }
}
