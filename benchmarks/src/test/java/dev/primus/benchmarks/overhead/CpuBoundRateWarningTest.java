package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CpuBoundRateWarningTest {
    private static LaunchMeasurement launch(double rate, double cpuMillisPerThousand) {
        ConstantRateLoad.Result result = new ConstantRateLoad.Result(new Histogram(3), 100, 0, 0, 0, 0);
        return new LaunchMeasurement(AgentConfiguration.NONE, 1, Map.of(Metric.cpuPerThousandRequests(rate), cpuMillisPerThousand),
                new SaturationLoad.Result(0, 0, 0), new LaunchMeasurement.SaturationBusy(1, 0.1),
                List.of(new LaunchMeasurement.RatePhase(rate, result)), List.of());
    }

    @Test
    void anAppBusyThroughoutAFixedRatePhaseIsSaidToBe() {
        // 236/s at 4,216 ms of CPU per 1,000 requests: 0.995 of one CPU, as the quick run of 2026-12-04 measured.
        String warning = MarkdownReport.cpuBoundRateWarning(List.of(launch(236, 4216), launch(236, 1200)), 1);

        assertTrue(warning.startsWith("> In 1 of 2 fixed-rate phases the app's CPUs were at least 90% busy"), warning);
    }

    @Test
    void anAppWithRoomLeftOrMoreCpusGetsNoWarning() {
        assertEquals("", MarkdownReport.cpuBoundRateWarning(List.of(launch(236, 1200)), 1));
        assertEquals("", MarkdownReport.cpuBoundRateWarning(List.of(launch(236, 4216)), 2));
    }
}
