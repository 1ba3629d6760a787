package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcFilesTest {
    @Test
    void cpuSecondsAreUtimePlusStimeInClockTicks() {
        String stat = "24736 (java) S 24700 24736 24700 0 -1 1077936128 51234 0 12 0 250 113 0 0 30 10 37 0"
                + " 1234567 4118102016 30678 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 0 0 0 0 0 0\n";

        assertEquals(3.63, new ProcessCpu(100).secondsFromStat(stat), 1e-9);
        assertEquals(1.452, new ProcessCpu(250).secondsFromStat(stat), 1e-9);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "77 (my app (v2) x) R 1 77 77 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0 5 1000 10 0\n";

        assertEquals(0.42, new ProcessCpu(100).secondsFromStat(stat), 1e-9);
    }

    @Test
    void peakAndResidentMemoryComeFromVmHwmAndVmRss() {
        String status = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 4021636 kB\nVmSize:\t 4021636 kB\n"
                + "VmLck:\t       0 kB\nVmHWM:\t  122880 kB\nVmRSS:\t  102400 kB\nRssAnon:\t   80000 kB\nThreads:\t31\n";

        ProcessMemory memory = ProcessMemory.fromStatus(status);

        assertEquals(120.0, memory.peakMegabytes(), 1e-9);
        assertEquals(100.0, memory.residentMegabytes(), 1e-9);
    }

    @Test
    void aStatusWithoutMemoryLinesGivesUnknownFigures() {
        ProcessMemory memory = ProcessMemory.fromStatus("Name:\tkthreadd\nState:\tS (sleeping)\n");

        assertTrue(Double.isNaN(memory.peakMegabytes()));
        assertTrue(Double.isNaN(memory.residentMegabytes()));
    }

    @Test
    void readsThisJvmsOwnProcFilesOnLinux() {
        long self = ProcessHandle.current().pid();
        if (!new java.io.File("/proc/" + self + "/stat").exists()) {
            return;
        }
        assertTrue(ProcessCpu.ofThisMachine().seconds(self) > 0);
        assertTrue(ProcessMemory.of(self).peakMegabytes() >= ProcessMemory.of(self).residentMegabytes() * 0.99);
    }
}
