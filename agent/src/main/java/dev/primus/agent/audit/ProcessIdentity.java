package dev.primus.agent.audit;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The {@code host} and {@code pid} of every event, found without DNS and without JMX (both can
 * stall or deadlock a JVM early in its start-up).
 */
final class ProcessIdentity {
    private ProcessIdentity() {
    }

    static long pid() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            return (Long) handle.getMethod("pid").invoke(current);
        } catch (ReflectiveOperationException | RuntimeException java8) {
            try {
                return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
            } catch (IOException | NumberFormatException unknown) {
                return -1;
            }
        }
    }

    static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isEmpty()) {
            return name;
        }
        File kernel = new File("/proc/sys/kernel/hostname");
        if (kernel.isFile()) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(kernel),
                    StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                if (line != null && !line.trim().isEmpty()) {
                    return line.trim();
                }
            } catch (IOException ignored) {
                // Fall through to the JVM's own idea of the name.
            }
        }
        String computer = System.getenv("COMPUTERNAME");
        return computer != null ? computer : "unknown";
    }
}
