package dev.primus.agent.audit;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The {@code host} and {@code pid} of every event, found without DNS and without JMX (both can
 * stall or deadlock a JVM early in its start-up), and the random id of this agent start.
 */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    /** Made on first use, off premain: seeding SecureRandom can take a while on a fresh machine. */
    private static final class Start {
        static final String ID = randomHex(8);

        private static String randomHex(int bytes) {
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            StringBuilder hex = new StringBuilder(2 * bytes);
            for (byte b : random) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        }
    }

    /**
     * 16 random hex digits for this agent start: with an event's {@code seq}, an id no other
     * start repeats (PID 1 in every container, and seq restarting at 1, would collide). The nats
     * sink's message ids and OCSF's {@code metadata.uid} are made of it.
     */
    public static String startId() {
        return Start.ID;
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
