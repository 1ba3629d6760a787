package dev.primus.agent.cli;

import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import net.bytebuddy.agent.ByteBuddyAgent;

/** Loads this jar into a running JVM through the JDK's attach API. */
final class Attacher {
    private final PrintStream out;
    private final PrintStream err;

    Attacher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    boolean attach(String pid, String configPath) {
        File jar;
        try {
            jar = new File(Attacher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            err.println("not attached: cannot locate the agent jar (" + e + ")");
            return false;
        }
        try {
            ByteBuddyAgent.attach(jar, pid, configPath == null ? null : "config=" + configPath);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("not attached to " + pid + ": " + cause
                    + "\nCheck that the process runs, under the same user, on a JDK (not a JRE), and was not started "
                    + "with -XX:+DisableAttachMechanism.");
            return false;
        }
        out.println("attached to " + pid + (configPath == null ? "" : " with " + configPath)
                + "; its stderr shows the [primus] start-up line");
        return true;
    }
}
