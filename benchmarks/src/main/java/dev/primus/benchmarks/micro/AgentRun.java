package dev.primus.benchmarks.micro;

/**
 * The agent attached to a benchmark's JVM: {@code -javaagent:JAR=config=FILE}, the YAML written to
 * {@code agent-NAME.yaml} in the results folder so the run can be repeated by hand.
 *
 * @param name   file-name part and the tag of its rows, e.g. {@code logback-masking}
 * @param config the agent's YAML
 */
record AgentRun(String name, String config) {
}
