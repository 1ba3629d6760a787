package dev.primus.it.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The library and version a class file came from, as messages and the compatibility table name it. */
record Origin(String library, String version) {
    private static final Pattern ARTIFACT_VERSION = Pattern.compile("(.+?)-(\\d.*)");

    @Override
    public String toString() {
        return library + " " + version;
    }

    /**
     * What a jar says it is: its Maven artifact and version (META-INF/maven/.../pom.properties), else
     * its manifest's version and the file's name without it (Tomcat's and OkHttp 5's jars carry no
     * pom.properties), else the file's name split at its version.
     */
    static Origin of(Path file, JarFile jar) throws IOException {
        String fileName = file.getFileName().toString().replaceFirst("\\.jar$", "");
        Properties pom = pomProperties(jar, fileName);
        if (pom != null && pom.getProperty("version") != null) {
            return new Origin(pom.getProperty("artifactId", fileName), pom.getProperty("version"));
        }
        Manifest manifest = jar.getManifest();
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String version = main.getValue("Implementation-Version") != null ? main.getValue("Implementation-Version")
                : main.getValue("Bundle-Version");
        if (version == null) {
            // OkHttp 4's jar says neither: Maven names the file artifactId-version.jar.
            Matcher named = ARTIFACT_VERSION.matcher(fileName);
            return named.matches() ? new Origin(named.group(1), named.group(2)) : new Origin(fileName, "unknown version");
        }
        return new Origin(fileName.endsWith("-" + version)
                ? fileName.substring(0, fileName.length() - version.length() - 1) : fileName, version);
    }

    /** The pom.properties of the artifact the file is named for, else the jar's only one, else null. */
    private static Properties pomProperties(JarFile jar, String fileName) throws IOException {
        Properties only = null;
        int found = 0;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                Properties pom = new Properties();
                try (InputStream in = jar.getInputStream(entry)) {
                    pom.load(in);
                }
                if (fileName.startsWith(pom.getProperty("artifactId", "?") + "-")) {
                    return pom;
                }
                only = pom;
                found++;
            }
        }
        return found == 1 ? only : null;
    }
}
