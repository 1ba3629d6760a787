package dev.primus.benchmarks.reference.warlauncher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference-war WAR the build puts inside the launcher jar, copied out to a file Tomcat can deploy. */
final class BundledWar {
    private static final String RESOURCE = "/bundled/primus-reference-war.war";

    private BundledWar() {
    }

    static Path copyTo(Path folder) throws IOException {
        Path war = folder.resolve("reference-war.war");
        try (InputStream in = BundledWar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("no " + RESOURCE + " in the launcher jar; build it with the reference-war module, or pass --war=PATH");
            }
            Files.copy(in, war);
        }
        return war;
    }
}
