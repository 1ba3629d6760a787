package dev.primus.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JDKs every forked-JVM test runs its app on: the one running the build (17) and JDK 25. */
public final class Jdks {
    private Jdks() {
    }

    /** Homes of the JDKs to test on. A missing JDK 25 fails the test run; it is never skipped silently. */
    public static List<Path> all() {
        Path current = Path.of(System.getProperty("java.home"));
        String jdk25 = System.getProperty("primus.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path second = Path.of(jdk25);
        if (!Files.isExecutable(second.resolve("bin/java"))) {
            throw new IllegalStateException("JDK 25 not found at " + second
                    + "; install it or pass -Dprimus.jdk25.home=/path/to/jdk-25");
        }
        return List.of(current, second);
    }

    /** A short name for test display: the JDK's major version. */
    public static String name(Path home) {
        return home.getFileName().toString();
    }
}
