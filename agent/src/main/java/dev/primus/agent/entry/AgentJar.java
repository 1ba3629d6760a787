package dev.primus.agent.entry;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.jar.JarFile;

/** Finds the agent jar this class was loaded from. */
final class AgentJar {
    private AgentJar() {
    }

    static URL location() {
        return AgentJar.class.getProtectionDomain().getCodeSource().getLocation();
    }

    static JarFile open() throws IOException {
        try {
            return new JarFile(new File(location().toURI()), false);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar from " + location(), e);
        }
    }
}
