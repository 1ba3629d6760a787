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
        File own = ownFile();
        if (own != null && isAgentJar(own)) {
            return new JarFile(own, false);
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
        throw new IOException("cannot find the agent jar (looked at " + own + " and the system class loader)");
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

    private static boolean isAgentJar(File file) {
        if (!file.getName().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(file, false)) {
            return jar.getJarEntry(HIDDEN_MARKER) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
