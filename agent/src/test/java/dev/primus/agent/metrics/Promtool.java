package dev.primus.agent.metrics;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own {@code promtool}, a checker we did not write, on what the agent writes.
 * CI installs it ({@code .ci/run}); a machine without it fails these tests rather than skipping them.
 */
final class Promtool {
    final int exitCode;
    final String output;

    private Promtool(int exitCode, String output) {
        this.exitCode = exitCode;
        this.output = output;
    }

    static Promtool run(String stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<String>();
        command.add(executable());
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = out.read(buffer)) > 0; ) {
                output.write(buffer, 0, read);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + arguments[0] + " did not finish within 60 s");
        }
        return new Promtool(process.exitValue(), new String(output.toByteArray(), StandardCharsets.UTF_8));
    }

    private static String executable() {
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            File candidate = new File(folder, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError("promtool is not on PATH: install Debian's prometheus package (.ci/run does)");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ": " + output;
    }
}
