package dev.primus.benchmarks.overhead;

import java.io.File;
import java.io.IOException;

/**
 * CPU pinning with util-linux's taskset: the app on its CPUs, this JVM (the load generator) on
 * others, so neither steals the other's cycles and the load generator is not measured as the
 * app's overhead. Without taskset (macOS, minimal images) the run goes on unpinned, and says so.
 */
final class Taskset {
    private Taskset() {
    }

    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "taskset").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Pins every thread of this JVM, and the threads it starts later, to {@code cpus}; false when it could not. */
    static boolean pinThisProcess(String cpus) {
        if (!available() || cpus.isEmpty()) {
            return false;
        }
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return taskset.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many CPUs a taskset list such as {@code 0-3,6} names. */
    static int cpuCount(String list) {
        int count = 0;
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            count += range.length == 1 ? 1 : Integer.parseInt(range[1].trim()) - Integer.parseInt(range[0].trim()) + 1;
        }
        return count;
    }
}
