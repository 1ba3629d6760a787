package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One launch of the app under one configuration: {@code java -Xms -Xmx [flags] -jar APP [args]}
 * (or {@code -cp APP MAIN}), pinned to the app's CPUs with {@code taskset -c} where taskset
 * exists, its output kept in a log file. Stopped with SIGTERM, then SIGKILL after a timeout.
 */
final class AppProcess implements AutoCloseable {
    private static final long READY_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private final Process process;
    private final long launchedNanos;
    private final Path log;

    private AppProcess(Process process, long launchedNanos, Path log) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
    }

    static AppProcess launch(HarnessOptions options, AgentConfiguration configuration, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = command(options, configuration, Taskset.available());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, launched, log);
    }

    /** The command line, taskset first when it is there to pin the app. */
    static List<String> command(HarnessOptions options, AgentConfiguration configuration, boolean taskset) {
        List<String> command = new ArrayList<>();
        if (taskset && !options.appCpus().isEmpty()) {
            // taskset execs java: the pid stays the JVM's, so /proc/PID reads the app.
            command.addAll(List.of("taskset", "-c", options.appCpus()));
        }
        command.add(options.java());
        command.add("-Xms" + options.heap());
        command.add("-Xmx" + options.heap());
        command.addAll(configuration.jvmFlags());
        if (options.mainClass() == null) {
            command.addAll(List.of("-jar", options.app().toString()));
        } else {
            command.addAll(List.of("-cp", options.app().toString(), options.mainClass()));
        }
        command.addAll(options.appArgs());
        return command;
    }

    long pid() {
        return process.pid();
    }

    /** Polls {@code ready} every 10 ms until it answers 200; returns the nanoseconds since launch. */
    long awaitReady(URI ready) throws IOException, InterruptedException {
        while (true) {
            if (ReadinessProbe.status(ready) == 200) {
                return System.nanoTime() - launchedNanos;
            }
            if (!process.isAlive()) {
                throw new IOException("the app ended (exit " + process.exitValue() + ") before " + ready
                        + " answered 200; its output is in " + log);
            }
            if (System.nanoTime() - launchedNanos > READY_TIMEOUT_NANOS) {
                throw new IOException(ready + " did not answer 200 within 3 minutes of launch; the app's output is in " + log);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // Never leave an app behind holding the port the next launch needs.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
