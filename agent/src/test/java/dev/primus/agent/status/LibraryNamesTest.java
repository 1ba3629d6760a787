package dev.primus.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryNamesTest {
    @Test
    void aJarIsNamedByItsManifestsTitleAndVersion(@TempDir Path dir) throws Exception {
        assertEquals("okhttp 4.12.0", LibraryNames.of(jar(dir, "okhttp", null).toUri().toURL()));
    }

    /** gRPC's grpc-netty-shaded 1.85.1 says "Implementation-Title: jar". */
    @Test
    void aTitleThatNamesNothingGivesWayToTheModulesName(@TempDir Path dir) throws Exception {
        assertEquals("io.grpc.netty.shaded 4.12.0",
                LibraryNames.of(jar(dir, "jar", "io.grpc.netty.shaded").toUri().toURL()));
    }

    private static Path jar(Path dir, String title, String module) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, "4.12.0");
        if (module != null) {
            main.putValue("Automatic-Module-Name", module);
        }
        Path jar = dir.resolve(title + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
