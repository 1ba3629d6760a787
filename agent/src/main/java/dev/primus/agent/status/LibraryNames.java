package dev.primus.agent.status;

import java.io.File;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Names the library a class came from by its jar, for the hook report and {@code status}. Reads the jar: never on a class-loading thread. */
public final class LibraryNames {
    private LibraryNames() {
    }

    /**
     * The library at {@code location} (a jar or a folder of classes), as its jar names it: the
     * manifest's title and version (or bundle name and version), else the first Maven
     * pom.properties, else the file's name.
     */
    public static String of(URL location) {
        if (location == null) {
            return "unknown library";
        }
        File file;
        try {
            file = new File(location.toURI());
        } catch (Exception notAFile) {
            return location.toString();
        }
        if (!file.isFile()) {
            return "classes in " + file;
        }
        try (JarFile jar = new JarFile(file, false)) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String title = main == null ? null : first(main, "Implementation-Title", "Bundle-SymbolicName", "Automatic-Module-Name");
            String version = main == null ? null : first(main, "Implementation-Version", "Bundle-Version");
            if (title != null && version != null) {
                return title + " " + version;
            }
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    Properties pom = new Properties();
                    pom.load(jar.getInputStream(entry));
                    return pom.getProperty("artifactId", file.getName()) + " " + pom.getProperty("version", "unknown version");
                }
            }
            return file.getName() + (version == null ? "" : " " + version);
        } catch (Exception unreadable) {
            return file.getName();
        }
    }

    private static String first(Attributes attributes, String... names) {
        for (String name : names) {
            String value = attributes.getValue(name);
            // gRPC's Gradle build titles grpc-netty-shaded "jar": a name that names nothing is skipped.
            if (value != null && !value.trim().equalsIgnoreCase("jar")) {
                return value.trim();
            }
        }
        return null;
    }
}
