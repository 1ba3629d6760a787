package dev.primus.it.compatibility;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JDK's own classes, read from its modules image through the jrt file system; the JDK running the
 * build reads any other JDK's image this way (its jrt-fs.jar is loaded from that JDK's home).
 */
final class JdkImage implements ClassSource {
    private final FileSystem modules;
    private final Origin origin;
    private final boolean tested;

    private JdkImage(FileSystem modules, Origin origin, boolean tested) {
        this.modules = modules;
        this.origin = origin;
        this.tested = tested;
    }

    static JdkImage at(Path home, boolean tested) throws IOException {
        FileSystem modules = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home.toString()));
        return new JdkImage(modules, new Origin("JDK", version(home)), tested);
    }

    /** JAVA_VERSION from the JDK's {@code release} file: {@code 25.0.3}. */
    private static String version(Path home) throws IOException {
        List<String> release = Files.readAllLines(home.resolve("release"));
        for (String line : release) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        throw new IOException("no JAVA_VERSION in " + home.resolve("release"));
    }

    /** The feature release, {@code 25}. */
    String feature() {
        return origin.version().split("[.+-]")[0];
    }

    @Override
    public String name() {
        return "JDK " + feature();
    }

    @Override
    public boolean tested() {
        return tested;
    }

    @Override
    public Optional<ClassFile> find(String internalName) throws IOException {
        int slash = internalName.lastIndexOf('/');
        Path packageLinks = modules.getPath("/packages", internalName.substring(0, slash).replace('/', '.'));
        if (!Files.isDirectory(packageLinks)) {
            return Optional.empty();
        }
        try (Stream<Path> moduleLinks = Files.list(packageLinks)) {
            for (Path module : moduleLinks.toList()) {
                Path file = modules.getPath("/modules", module.getFileName().toString(), internalName + ".class");
                if (Files.isRegularFile(file)) {
                    return Optional.of(new ClassFile(Files.readAllBytes(file), origin));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        modules.close();
    }
}
