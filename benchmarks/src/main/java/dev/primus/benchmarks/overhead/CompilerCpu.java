package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU seconds the app's JIT compiler threads have used, from /proc/PID/task/TID/stat, so that a
 * phase's CPU can be split into compiling and serving. On one CPU a Spring app compiles for
 * minutes, and an agent that adds code to the request path adds compilation too: a throughput
 * measured while the compiler still takes a tenth of the CPU compares how far each launch's
 * warm-up has got as much as what a warm request costs, and this split says which.
 *
 * <p>HotSpot names its compiler threads {@code C1 CompilerThreadN}, {@code C2 CompilerThreadN}
 * (and {@code JVMCI ...} with Graal); the kernel keeps the first 15 chars. It starts and stops
 * compiler threads as the queue grows and empties, so a phase's figure sums, over the threads
 * alive at its end, what each used since the phase began (since it started, for one that started
 * during the phase). A thread that ended during the phase takes its share with it: the figure is a
 * lower bound, and what it misses is counted as the app's.
 */
final class CompilerCpu {
    /** Thread ID to CPU seconds, compiler threads only; null when they could not be read. */
    record Snapshot(Map<Long, Double> secondsByThread) {
        /** Before the process started: no compiler thread had used anything. */
        static final Snapshot NONE = new Snapshot(Map.of());
        /** No /proc, or the process has gone: every figure from it is NaN, not 0. */
        static final Snapshot UNKNOWN = new Snapshot(null);

        /** Compiler CPU seconds from {@code earlier} to this snapshot, by the rule in the class comment; NaN if either is unknown. */
        double since(Snapshot earlier) {
            if (secondsByThread == null || earlier.secondsByThread == null) {
                return Double.NaN;
            }
            double seconds = 0;
            for (Map.Entry<Long, Double> thread : secondsByThread.entrySet()) {
                seconds += thread.getValue() - earlier.secondsByThread.getOrDefault(thread.getKey(), 0.0);
            }
            return seconds;
        }

        /** Since the process started: every compiler thread alive now, from zero. */
        double total() {
            return since(NONE);
        }
    }

    private final ProcessCpu cpu;

    CompilerCpu(ProcessCpu cpu) {
        this.cpu = cpu;
    }

    /** {@link Snapshot#UNKNOWN} where there is no /proc or the process has gone. */
    Snapshot read(long pid) {
        Map<Long, Double> seconds = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                if (isCompilerThread(threadName(stat))) {
                    seconds.put(Long.parseLong(task.getFileName().toString()), cpu.secondsFromStat(stat));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Snapshot.UNKNOWN;
        }
        return new Snapshot(seconds);
    }

    /** Field 2 of a stat line: the name between the first '(' and the last ')', which may hold both. */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    static boolean isCompilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("JVMCI");
    }
}
