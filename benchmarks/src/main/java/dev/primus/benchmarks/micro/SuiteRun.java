package dev.primus.benchmarks.micro;

/**
 * How and where the suite ran, for the report's header.
 *
 * @param startedAt  ISO-8601 instant
 * @param iterations "quick: ..." or the annotations
 * @param include    the --include regex, or null for the whole suite
 * @param agent      the agent jar the agent rows ran with, or null when none was selected
 */
record SuiteRun(String startedAt, String host, String java, String iterations, String include, String agent) {
}
