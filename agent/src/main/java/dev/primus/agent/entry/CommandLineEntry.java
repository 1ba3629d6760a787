package dev.primus.agent.entry;

import java.lang.reflect.Method;
import java.util.jar.JarFile;

/** {@code java -jar primus-agent.jar <verb>}: runs the CLI from the isolated class loader. */
public final class CommandLineEntry {
    private static final String CLI = "dev.primus.agent.cli.Cli";

    private CommandLineEntry() {
    }

    public static void main(String[] args) throws Exception {
        JarFile jar = AgentJar.open();
        // No host app here: the system class loader is the parent, so the JDK's attach API is visible.
        ClassLoader agentLoader = new IsolatedClassLoader(jar, AgentJar.location(jar), ClassLoader.getSystemClassLoader());
        Method run = agentLoader.loadClass(CLI).getMethod("run", String[].class);
        int status = (Integer) run.invoke(null, (Object) args);
        System.out.flush();
        System.exit(status);
    }
}
