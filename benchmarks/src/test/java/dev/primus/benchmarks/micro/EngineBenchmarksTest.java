package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class EngineBenchmarksTest {
    @Test
    void everyEntryIsABenchmarkMethodOfItsClass() {
        for (SuiteEntry entry : EngineBenchmarks.ALL) {
            assertTrue(Arrays.stream(entry.benchmark().getMethods())
                    .anyMatch(m -> m.getName().equals(entry.method()) && m.isAnnotationPresent(Benchmark.class)),
                    entry.jmhName() + " is not a @Benchmark method");
        }
    }

    @Test
    void everyBenchmarkMethodOfASuiteClassIsInTheSuite() {
        Set<String> listed = new HashSet<>(EngineBenchmarks.ALL.stream().map(SuiteEntry::jmhName).toList());
        for (Class<?> benchmark : EngineBenchmarks.ALL.stream().map(SuiteEntry::benchmark).distinct().toList()) {
            for (Method method : benchmark.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    assertTrue(listed.contains(benchmark.getName() + "." + method.getName()),
                            benchmark.getSimpleName() + "." + method.getName() + " is missing from EngineBenchmarks");
                }
            }
        }
    }

    @Test
    void everyBaselineIsInTheSuiteBesideItsPathAndNoBaselineIsACleanPath() {
        for (SuiteEntry entry : EngineBenchmarks.ALL) {
            for (String baseline : entry.baselines()) {
                List<SuiteEntry> found = EngineBenchmarks.ALL.stream()
                        .filter(e -> e.benchmark() == entry.benchmark() && e.method().equals(baseline) && e.agent() == null)
                        .toList();
                assertEquals(1, found.size(), entry.jmhName() + ": baseline " + baseline);
                assertEquals(entry.jvmArgs(), found.get(0).jvmArgs(), "a baseline runs in the same JVM flags: " + baseline);
            }
        }
    }

    @Test
    void everyAgentRowHasItsNoAgentTwinListedBeforeIt() {
        List<SuiteEntry> all = EngineBenchmarks.ALL;
        for (int i = 0; i < all.size(); i++) {
            SuiteEntry entry = all.get(i);
            if (entry.agent() != null) {
                SuiteEntry twin = all.get(i - 1);
                assertEquals(entry.jmhName(), twin.jmhName());
                assertEquals(null, twin.agent());
                assertFalse(twin.cleanPath(), "the no-agent twin is a baseline: " + twin.jmhName());
            }
        }
    }

    @Test
    void theSuiteCoversEveryEngine() {
        Set<String> classes = new HashSet<>(EngineBenchmarks.ALL.stream().map(e -> e.benchmark().getSimpleName()).toList());

        assertEquals(Set.of("EgressDecisionBenchmark", "HttpClientEntryBenchmark", "MaskingBenchmark", "AuthDecisionBenchmark",
                "ServletEntryBenchmark", "SpringRequestBenchmark", "RateLimiterBenchmark", "AuditEnqueueBenchmark",
                "LogbackCallBenchmark", "SocketConnectBenchmark"), classes);
    }
}
