package dev.primus.it.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The jars of one library set, opened once and read by entry name; the first jar (in class path
 * order) holding a class is the one a JVM would load it from.
 */
final class JarSet implements ClassSource {
    private final String name;
    private final boolean tested;
    private final Map<JarFile, Origin> jars = new LinkedHashMap<>();

    private JarSet(String name, boolean tested) {
        this.name = name;
        this.tested = tested;
    }

    static JarSet of(String name, List<Path> jars, boolean tested) throws IOException {
        JarSet set = new JarSet(name, tested);
        try {
            for (Path jar : jars) {
                JarFile file = new JarFile(jar.toFile(), false);
                try {
                    set.jars.put(file, Origin.of(jar, file));
                } catch (IOException e) {
                    file.close();
                    throw e;
                }
            }
        } catch (IOException e) {
            set.close();
            throw e;
        }
        return set;
    }

    /** One set per folder under {@code libs} (target/libs/SET), its jars in name order as LibrarySets puts them. */
    static List<JarSet> under(Path libs, boolean tested) throws IOException {
        List<JarSet> sets = new ArrayList<>();
        try (Stream<Path> folders = Files.list(libs)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    sets.add(of(folder.getFileName().toString(),
                            files.filter(file -> file.toString().endsWith(".jar")).sorted().toList(), tested));
                }
            }
        }
        return sets;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean tested() {
        return tested;
    }

    @Override
    public Optional<ClassFile> find(String internalName) throws IOException {
        for (Map.Entry<JarFile, Origin> jar : jars.entrySet()) {
            JarEntry entry = jar.getKey().getJarEntry(internalName + ".class");
            if (entry != null) {
                try (InputStream in = jar.getKey().getInputStream(entry)) {
                    return Optional.of(new ClassFile(in.readAllBytes(), jar.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        for (JarFile jar : jars.keySet()) {
            jar.close();
        }
    }
}
