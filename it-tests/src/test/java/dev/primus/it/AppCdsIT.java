package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.PlainApp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An app's own class data sharing archive, dumped without the agent, stays in use with it: the
 * app's classes still load from the archive. Services that start fast thanks to an AppCDS archive
 * (Spring Boot's CDS support dumps one) keep that start-up. The agent jar reaches the bootstrap
 * class path from premain, not through a {@code Boot-Class-Path} manifest entry: appended as the
 * JVM starts, the jar makes HotSpot refuse the whole archive ("The top archive failed to load"),
 * which took the reference Spring app from 9.0 to 11.7 s to start, against 9.7 s the way it is. On
 * JDK 25 any agent costs the archive, dumped without one; the app then starts as without it.
 */
class AppCdsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    static Stream<Path> jdks() {
        return Jdks.all().stream();
    }

    /** PlainApp alone in a jar. */
    private Path appJar() throws Exception {
        Path jar = dir.resolve("plain-app.jar");
        String entry = PlainApp.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = PlainApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAppsOwnArchiveStaysInUseUnderTheAgent(Path jdk) throws Exception {
        Path archive = dir.resolve("app.jsa");
        String appJar = appJar().toString(); // an archive takes classes from jars only
        try (ForkedApp dump = ForkedApp.on(jdk).classPath(appJar).jvmArg("-XX:ArchiveClassesAtExit=" + archive)
                .start(PlainApp.class, "3")) {
            assertEquals(3, dump.awaitExit(TIMEOUT), "stderr: " + dump.stderr());
        }
        assertTrue(Files.size(archive) > 0, "the JVM wrote no archive");
        try (ForkedApp app = ForkedApp.on(jdk).classPath(appJar).withAgent().jvmArg("-XX:SharedArchiveFile=" + archive)
                .jvmArg("-Xlog:class+load=info,cds=warning:stdout").start(PlainApp.class, "3")) {
            assertEquals(3, app.awaitExit(TIMEOUT), "stderr: " + app.stderr());
            assertTrue(app.primusLines().stream().anyMatch(l -> l.contains(" started in ")), app.primusLines().toString());
            assertTrue(app.stdout().contains("plain app: done"), app.stdout().toString());
            if (jdk.equals(Path.of(System.getProperty("java.home")))) {
                // JDK 17. JDK 25 refuses an archive dumped without -javaagent whenever any agent is given
                // ("Mismatched values for property jdk.module.addmods: java.instrument"): the app runs without it.
                List<String> loads = app.stdout();
                String shared = " " + PlainApp.class.getName() + " source: shared objects file";
                List<String> told = loads.stream()
                        .filter(l -> l.contains(PlainApp.class.getName()) || l.contains("cds")).toList();
                assertTrue(loads.stream().anyMatch(l -> l.contains(shared)),
                        "the app's main class loads from its archive: " + told);
            }
        }
    }
}
