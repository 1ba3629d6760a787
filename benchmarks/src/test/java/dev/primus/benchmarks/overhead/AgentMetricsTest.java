package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {
    /** As the agent serves it (text format 0.0.4), cut to the series the harness reads and a few it skips. */
    private static final String BEFORE = """
            # HELP primus_decisions_total Decisions the guards took, by audit module (egress, auth, authz, webhook, rate_limit), outcome (allowed, denied, would_deny) and the config rule that decided.
            # TYPE primus_decisions_total counter
            primus_decisions_total{module="authz",outcome="allowed",rule="auth.rules[2]"} 1000
            primus_decisions_total{module="auth",outcome="denied",rule="auth.rules[2]"} 10
            primus_decisions_total{module="webhook",outcome="allowed",rule="auth.rules[1]"} 500
            # HELP primus_auth_failures_total Requests the auth guard refused, by reason (the RFC 6750 error or the kind of refusal) and rule.
            # TYPE primus_auth_failures_total counter
            primus_auth_failures_total{reason="missing_credentials",rule="auth.rules[2]"} 10
            primus_hooks{state="armed"} 54
            # HELP primus_decision_duration_seconds Time a guard took to decide, in seconds; sampled: one decision in 64 is timed, so _count is about 1/64 of the decisions taken.
            # TYPE primus_decision_duration_seconds histogram
            primus_decision_duration_seconds_bucket{module="auth",le="1e-07"} 0
            primus_decision_duration_seconds_bucket{module="auth",le="2.5e-06"} 20
            primus_decision_duration_seconds_bucket{module="auth",le="+Inf"} 23
            primus_decision_duration_seconds_sum{module="auth"} 4.6e-05
            primus_decision_duration_seconds_count{module="auth"} 23
            primus_decision_duration_seconds_sum{module="egress"} 0
            primus_decision_duration_seconds_count{module="egress"} 0
            primus_agent_failures_total 0
            """;

    /** 3,000 requests later: 2,000 authz and 1,000 webhook decisions, 47 of them timed, 0.141 ms together. */
    private static final String AFTER = """
            primus_decisions_total{module="authz",outcome="allowed",rule="auth.rules[2]"} 3000
            primus_decisions_total{module="auth",outcome="denied",rule="auth.rules[2]"} 10
            primus_decisions_total{module="webhook",outcome="allowed",rule="auth.rules[1]"} 1500
            primus_decision_duration_seconds_sum{module="auth"} 0.000187
            primus_decision_duration_seconds_count{module="auth"} 70
            primus_decision_duration_seconds_sum{module="egress"} 0
            primus_decision_duration_seconds_count{module="egress"} 0
            primus_agent_failures_total 15
            """;

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentLines() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(BEFORE);

        assertEquals(13, samples.size());
        PrometheusText.Sample first = samples.get(0);
        assertEquals("primus_decisions_total", first.name());
        assertEquals(Map.of("module", "authz", "outcome", "allowed", "rule", "auth.rules[2]"), first.labels());
        assertEquals(1000, first.value());
        PrometheusText.Sample inf = samples.stream().filter(s -> "+Inf".equals(s.labels().get("le"))).findFirst().orElseThrow();
        assertEquals(23, inf.value());
        assertEquals(4.6e-05, samples.stream().filter(s -> s.name().endsWith("_sum")).findFirst().orElseThrow().value());
        assertEquals(Map.of(), samples.get(samples.size() - 1).labels());
    }

    @Test
    void escapedLabelValuesTimestampsAndOpenMetricsEndAreRead() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(
                "x_total{path=\"a \\\"quoted\\\" \\\\ back\\nslash\",le=\"+Inf\"} +Inf 1712345678000\ny NaN\n# EOF\n");

        assertEquals("a \"quoted\" \\ back\nslash", samples.get(0).labels().get("path"));
        assertEquals(Double.POSITIVE_INFINITY, samples.get(0).value());
        assertTrue(Double.isNaN(samples.get(1).value()));
    }

    @Test
    void aLineThatIsNotASampleIsNamedByNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("# HELP a b\na 1\nb{module=\"x\" 2\n"));

        assertTrue(e.getMessage().startsWith("line 3: "), e.getMessage());
    }

    @Test
    void theMeanPerDecisionIsTheChangeOfSumOverTheChangeOfCount() {
        DecisionReadings before = DecisionReadings.of(PrometheusText.parse(BEFORE));
        DecisionReadings after = DecisionReadings.of(PrometheusText.parse(AFTER));

        AgentTime time = after.since(before, 3000);

        assertEquals(1, time.modules().size(), "egress timed nothing and has no row");
        AgentTime.Module auth = time.modules().get(0);
        assertEquals("auth", auth.module());
        assertEquals(47, auth.timedDecisions());
        assertEquals(3.0, auth.meanMicros(), 1e-9);
        assertEquals(47 * 64 / 3000.0, auth.aboutDecisionsPerRequest(), 1e-9);
        assertEquals(3.0 * 47 * 64 / 3000.0, auth.aboutMicrosPerRequest(), 1e-9);
        assertEquals(Map.of("authz", 2000 / 3000.0, "webhook", 1000 / 3000.0), time.countedPerRequest());
        assertEquals(15, time.failuresInPhase());
        assertEquals(15, time.failuresSoFar());
    }

    @Test
    void failuresOfTheAgentItselfAreALoudWarningNamingTheLaunch() {
        ConstantRateLoad.Result result = new ConstantRateLoad.Result(new org.HdrHistogram.Histogram(3), 3000, 0, 0, 0, 0);
        AgentTime failing = DecisionReadings.of(PrometheusText.parse(AFTER)).since(DecisionReadings.of(PrometheusText.parse(BEFORE)), 3000);
        AgentTime clean = DecisionReadings.of(PrometheusText.parse(BEFORE)).since(DecisionReadings.of(PrometheusText.parse(BEFORE)), 3000);
        LaunchMeasurement primus = launch(AgentConfiguration.parse("primus=-javaagent:p.jar"),
                new LaunchMeasurement.RatePhase(500, result, failing));

        String warning = AgentTimeReport.failureWarning(List.of(primus));

        assertTrue(warning.startsWith("> **Warning: the agent failed inside itself**"), warning);
        assertTrue(warning.contains("primus round 1 (15, log: logs/primus-round1.log)"), warning);
        assertEquals("", AgentTimeReport.failureWarning(List.of(launch(AgentConfiguration.NONE,
                new LaunchMeasurement.RatePhase(500, result, clean)))));
    }

    @Test
    void aScrapeWithoutTheAgentsSeriesIsNoReading() {
        assertTrue(DecisionReadings.of(PrometheusText.parse("jvm_threads 31\nhttp_requests_total{code=\"200\"} 5\n")).isEmpty());
    }

    @Test
    void anAbsentEndpointGivesNoReadingAndDoesNotThrow() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AgentMetricsScraper scraper = new AgentMetricsScraper(URI.create("http://127.0.0.1:" + port + "/metrics"));

        assertTrue(scraper.read().isEmpty());
        assertTrue(scraper.lastProblem().contains("ConnectException"), scraper.lastProblem());
    }

    @Test
    void theReportLeavesOutLaunchesWithoutReadingsAndSaysNothingWhenNoneHas() {
        ConstantRateLoad.Result result = new ConstantRateLoad.Result(new org.HdrHistogram.Histogram(3), 3000, 0, 0, 0, 0);
        AgentTime time = DecisionReadings.of(PrometheusText.parse(AFTER)).since(DecisionReadings.of(PrometheusText.parse(BEFORE)), 3000);
        LaunchMeasurement none = launch(AgentConfiguration.NONE, new LaunchMeasurement.RatePhase(500, result));
        LaunchMeasurement primus = launch(AgentConfiguration.parse("primus=-javaagent:p.jar"),
                new LaunchMeasurement.RatePhase(500, result, time));

        String section = AgentTimeReport.render(List.of(none, primus));

        assertTrue(section.contains("| primus | 500/s | auth | 3.00 | 3.00 | 1.00 | 3.01 |"), section);
        assertTrue(!section.contains("| none |"), section);
        assertEquals("", AgentTimeReport.render(List.of(none)));
    }

    private static LaunchMeasurement launch(AgentConfiguration configuration, LaunchMeasurement.RatePhase phase) {
        return new LaunchMeasurement(configuration, 1, Map.of(), new SaturationLoad.Result(0, 0, 0),
                new LaunchMeasurement.SaturationBusy(0, 0), List.of(phase), List.of());
    }
}
