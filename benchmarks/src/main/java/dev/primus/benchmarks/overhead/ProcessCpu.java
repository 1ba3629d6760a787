package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds a process has used, user plus system, from /proc/PID/stat. */
final class ProcessCpu {
    private final double ticksPerSecond;

    ProcessCpu(double ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** With the clock tick of this machine: {@code getconf CLK_TCK}, 100 where that cannot be run. */
    static ProcessCpu ofThisMachine() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return new ProcessCpu(getconf.waitFor() == 0 ? Double.parseDouble(out) : 100);
        } catch (IOException | NumberFormatException e) {
            return new ProcessCpu(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessCpu(100);
        }
    }

    /** NaN where there is no /proc (not Linux) or the process has gone. */
    double seconds(long pid) {
        try {
            return secondsFromStat(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** utime and stime are fields 14 and 15 of the stat line. */
    double secondsFromStat(String stat) {
        // Field 2, the command name in parentheses, may itself hold spaces and parentheses:
        // count from after its last closing parenthesis, where field 3 starts.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / ticksPerSecond;
    }
}
