package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerCpuTest {
    @Test
    void hotSpotsCompilerThreadsAreToldFromTheAppsByTheirTruncatedNames() {
        // As /proc/PID/task/TID/stat gives them: the kernel keeps 15 chars of the thread's name.
        assertEquals("C2 CompilerThre", CompilerCpu.threadName("31 (C2 CompilerThre) S 1 2 3"));
        assertEquals("my (odd) name", CompilerCpu.threadName("40 (my (odd) name) R 1 2 3"));

        assertTrue(CompilerCpu.isCompilerThread("C2 CompilerThre"));
        assertTrue(CompilerCpu.isCompilerThread("C1 CompilerThre"));
        assertTrue(CompilerCpu.isCompilerThread("JVMCI-native Co"));
        for (String app : List.of("http-nio-18082-", "GC Thread#0", "VM Thread", "primus-audit-wr", "main", "C2Compiler")) {
            assertFalse(CompilerCpu.isCompilerThread(app), app);
        }
    }

    @Test
    void aPhaseCountsWhatEachCompilerThreadAliveAtItsEndUsedInIt() {
        CompilerCpu.Snapshot before = new CompilerCpu.Snapshot(Map.of(31L, 10.0, 32L, 4.0, 33L, 2.5));
        // 31 went on, 32 stopped (the JVM ends idle compiler threads), 34 started during the phase.
        CompilerCpu.Snapshot after = new CompilerCpu.Snapshot(Map.of(31L, 12.5, 34L, 0.75, 33L, 2.5));

        assertEquals(3.25, after.since(before), 1e-9);
        assertEquals(15.75, after.total(), 1e-9);
        assertEquals(0, CompilerCpu.Snapshot.NONE.since(before), 1e-9);
    }

    @Test
    void aProcessWhoseThreadsCannotBeReadGivesNoFigureRatherThanZero() {
        // No such process: the figure was not measured, and must not read as "no compiling".
        CompilerCpu.Snapshot gone = new CompilerCpu(new ProcessCpu(100)).read(-1);
        CompilerCpu.Snapshot before = new CompilerCpu.Snapshot(Map.of(31L, 10.0));

        assertTrue(Double.isNaN(gone.total()));
        assertTrue(Double.isNaN(gone.since(before)));
        assertTrue(Double.isNaN(before.since(gone)));
    }

    @Test
    void readsThisJvmsCompilerThreadsOnLinux() {
        long self = ProcessHandle.current().pid();
        if (!new java.io.File("/proc/" + self + "/task").exists()) {
            return;
        }
        // This test JVM has compiled the test framework and more by now, in more than a clock tick.
        double compiling = new CompilerCpu(ProcessCpu.ofThisMachine()).read(self).total();

        assertTrue(compiling > 0, "compiler CPU " + compiling);
        assertTrue(compiling <= ProcessCpu.ofThisMachine().seconds(self), "compiler CPU " + compiling);
    }

    @Test
    void aSaturationPhaseSpentCompilingIsSaidToBe() {
        String warning = MarkdownReport.compilingWarning(List.of(launch(4.2), launch(24.6), launch(12.0)));

        assertTrue(warning.startsWith("> In 2 of 3 launches the JIT compiler took 12% to 25% of the app's CPU"), warning);
        assertEquals("", MarkdownReport.compilingWarning(List.of(launch(4.2), launch(9.9))));
        assertEquals("", MarkdownReport.compilingWarning(List.of(launch(Double.NaN))));
    }

    private static LaunchMeasurement launch(double compilerPercent) {
        return new LaunchMeasurement(AgentConfiguration.NONE, 1, Map.of(Metric.COMPILER_SHARE_AT_SATURATION, compilerPercent),
                new SaturationLoad.Result(0, 0, 0), new LaunchMeasurement.SaturationBusy(1, 0.1), List.of(), List.of());
    }
}
