package dev.primus.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class paths made of the test apps and one library set the build copied to target/libs/SET, or,
 * in the version sweep ({@code -Pversion-sweep}), to target/libs-sweep/SET.
 */
final class LibrarySets {
    private static final Path LIBS = Path.of(System.getProperty("primus.libs", "target/libs"));
    private static final Path SWEEP_LIBS = Path.of(System.getProperty("primus.libs.sweep", "target/libs-sweep"));

    /** Whether this run is the version sweep: the it-tests then add the sets of every supported version line. */
    static boolean sweep() {
        return Boolean.getBoolean("primus.sweep");
    }

    private LibrarySets() {
    }

    /** The test apps' classes and the jars of {@code set} (none for null), never the test class path's libraries. */
    static String classPath(Class<?> app, String set) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(Path.of(app.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
        if (set != null) {
            Path folder = Files.isDirectory(LIBS.resolve(set)) ? LIBS.resolve(set) : SWEEP_LIBS.resolve(set);
            try (Stream<Path> jars = Files.list(folder)) {
                jars.map(Path::toString).sorted().forEach(entries::add);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
