package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process from /proc/PID/status: the peak (VmHWM, the high-water mark the
 * kernel keeps, so a peak between two reads is not missed) and the current size (VmRSS).
 */
record ProcessMemory(double peakMegabytes, double residentMegabytes) {
    static final ProcessMemory UNKNOWN = new ProcessMemory(Double.NaN, Double.NaN);

    /** {@link #UNKNOWN} where there is no /proc or the process has gone. */
    static ProcessMemory of(long pid) {
        try {
            return fromStatus(Files.readString(Path.of("/proc/" + pid + "/status")));
        } catch (IOException | RuntimeException gone) {
            return UNKNOWN;
        }
    }

    static ProcessMemory fromStatus(String status) {
        return new ProcessMemory(megabytes(status, "VmHWM:"), megabytes(status, "VmRSS:"));
    }

    /** A line such as {@code VmHWM:	  123456 kB}; NaN when the line is missing (kernel threads have none). */
    private static double megabytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
