package dev.primus.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test app in its own JVM: which JDK, whether the agent is attached and how, and what the
 * app printed. Output is collected line by line so a test can wait for a line and then read
 * everything that came.
 */
public final class ForkedApp implements AutoCloseable {
    public static final Path AGENT_JAR = Path.of(System.getProperty("primus.agent.jar", "../agent/target/primus-agent.jar"))
            .toAbsolutePath().normalize();

    private static final Duration PUMP_DRAIN = Duration.ofSeconds(10);

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ForkedApp(Process process) {
        this.process = process;
        stdoutPump = pump(process.getInputStream(), stdout, "stdout");
        stderrPump = pump(process.getErrorStream(), stderr, "stderr");
    }

    public static Builder on(Path jdkHome) {
        return new Builder(jdkHome);
    }

    /** Runs the agent jar's command line on this JDK: {@code java -jar primus-agent.jar VERB ARGS}. */
    public static ForkedApp cli(Path jdkHome, String... verbAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(jdkHome.resolve("bin/java").toString());
        command.add("-jar");
        command.add(AGENT_JAR.toString());
        command.addAll(List.of(verbAndArgs));
        return new ForkedApp(new ProcessBuilder(command).start());
    }

    /** Reads a stream into {@code lines} until its end, which comes once the process has ended and all is read. */
    /** Any command line (a JVM inside {@code unshare}, say), its output collected the same way. */
    public static ForkedApp command(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PRIMUS_CONFIG");
        builder.environment().remove("PRIMUS_ENABLED");
        return new ForkedApp(builder.start());
    }

    private static Thread pump(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        }, "forked-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for a stdout line that matches, and returns it. */
    public String awaitStdout(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(stdout, stdoutPump, match, timeout, "stdout");
    }

    /** Waits for a stderr line that matches, and returns it. */
    public String awaitStderr(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(stderr, stderrPump, match, timeout, "stderr");
    }

    private String await(List<String> lines, Thread pump, Predicate<String> match, Duration timeout, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                // A finished pump has read every line the process wrote: no match will come.
                if (left <= 0 || !pump.isAlive()) {
                    throw new AssertionError("no matching line on " + name + " within " + timeout
                            + "\nstdout:\n" + String.join("\n", stdout()) + "\nstderr:\n" + String.join("\n", stderr()));
                }
                lines.wait(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Waits for the JVM to end and returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not end within " + timeout + "\nstdout:\n" + String.join("\n", stdout())
                    + "\nstderr:\n" + String.join("\n", stderr()));
        }
        // The pumps end once they have read the last bytes; a child that inherited the pipes could
        // keep them open, hence the bound.
        stdoutPump.join(PUMP_DRAIN.toMillis());
        stderrPump.join(PUMP_DRAIN.toMillis());
        return process.exitValue();
    }

    public void sendLine(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The port an app that prints {@code READY PORT} when it serves (the servlet apps) said it listens on. */
    public int readyPort() {
        return stdout().stream().filter(line -> line.startsWith("READY ")).findFirst()
                .map(line -> Integer.parseInt(line.substring("READY ".length()).trim()))
                .orElseThrow(() -> new IllegalStateException("the app printed no READY line: " + stdout()));
    }

    public long pid() {
        return process.pid();
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return new ArrayList<>(stdout);
        }
    }

    public List<String> stderr() {
        synchronized (stderr) {
            return new ArrayList<>(stderr);
        }
    }

    /** The agent's own lines on stderr. */
    public List<String> primusLines() {
        return stderr().stream().filter(line -> line.startsWith("[primus]")).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** How to start the app. */
    public static final class Builder {
        private final Path jdkHome;
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private String agentArgument;
        private String classPath = AppClassPath.ofTests();
        private boolean agent;
        private Path readOnlyFolder;

        private Builder(Path jdkHome) {
            this.jdkHome = jdkHome;
        }

        /** Attaches the agent at launch, with no argument. */
        public Builder withAgent() {
            this.agent = true;
            return this;
        }

        /** Attaches the agent at launch with {@code -javaagent:jar=ARGUMENT}. */
        public Builder withAgent(String argument) {
            this.agent = true;
            this.agentArgument = argument;
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** Runs the app on this class path instead of the test's own. */
        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * Runs the app in a mount namespace of its own where {@code folder} is mounted read-only,
         * as a Kubernetes volume is: the test can still write there, the app cannot (not even as
         * root). Needs {@code unshare} and {@code mount}, both in util-linux.
         */
        public Builder readOnly(Path folder) {
            this.readOnlyFolder = folder;
            return this;
        }

        /** Starts {@code mainClass} with the test class path and {@code args}. */
        public ForkedApp start(Class<?> mainClass, String... args) throws IOException {
            return start(mainClass.getName(), args);
        }

        /** Starts the main class of that name (one the test compiled itself, say). */
        public ForkedApp start(String mainClass, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(jdkHome.resolve("bin/java").toString());
            // Same flags with and without the agent, so the two runs differ by the agent alone.
            command.add("-Xshare:auto");
            if (agent) {
                command.add("-javaagent:" + AGENT_JAR + (agentArgument == null ? "" : "=" + agentArgument));
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(classPath);
            command.add(mainClass);
            command.addAll(List.of(args));
            if (readOnlyFolder != null) {
                // unshare execs the shell, which execs java: the app keeps this process's pid.
                command.addAll(0, List.of("unshare", "-m", "sh", "-c",
                        "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"",
                        "sh", readOnlyFolder.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().remove("PRIMUS_CONFIG");
            builder.environment().remove("PRIMUS_ENABLED");
            builder.environment().putAll(env);
            return new ForkedApp(builder.start());
        }
    }
}
