package dev.primus.agent.entry;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * Finds the agent jar: the one this class was loaded from, unless that copy is not a built
 * agent jar (an app class path that carries our unpackaged classes comes before the
 * {@code -javaagent} jar), in which case the jar the system class loader finds our hidden
 * classes in.
 */
final class AgentJar {
    /** Every built agent jar has the hidden classes start-up needs in this entry. */
    private static final String HIDDEN_MARKER = IsolatedClassLoader.PACK;

    private AgentJar() {
    }

    /** Opens the agent jar; its location is {@link #location(JarFile)}. */
    static JarFile open() throws IOException {
        JarFile own = openIfAgentJar(ownFile());
        if (own != null) {
            return own;
        }
        // The JVM appends the -javaagent jar to the system class loader: ask it for our marker.
        URL marker = ClassLoader.getSystemResource(HIDDEN_MARKER);
        if (marker != null && "jar".equals(marker.getProtocol())) {
            String path = marker.getPath();
            try {
                return new JarFile(new File(new URL(path.substring(0, path.indexOf("!/"))).toURI()), false);
            } catch (URISyntaxException | RuntimeException e) {
                throw new IOException("cannot open the agent jar at " + path, e);
            }
        }
        throw new IOException("cannot find the agent jar (looked at " + ownFile() + " and the system class loader)");
    }

    static URL location(JarFile jar) throws MalformedURLException {
        return new File(jar.getName()).toURI().toURL();
    }

    private static File ownFile() {
        try {
            return new File(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The jar at {@code file}, opened once, when it holds the agent's hidden classes; else null. */
    private static JarFile openIfAgentJar(File file) {
        if (file == null || !file.getName().endsWith(".jar")) {
            return null;
        }
        JarFile jar = null;
        try {
            jar = new JarFile(file, false);
            if (jar.getJarEntry(HIDDEN_MARKER) != null) {
                return jar;
            }
            jar.close();
        } catch (IOException e) {
            closeQuietly(jar);
        }
        return null;
    }

    private static void closeQuietly(JarFile jar) {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // Nothing was read from it.
            }
        }
    }
}
