package dev.primus.agent.entry;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.jar.JarFile;

/**
 * {@code premain} and {@code agentmain}. Checks the kill switch, puts the bootstrap bridge on
 * the bootstrap class path, and hands over to the installer in the isolated class loader.
 * Whatever goes wrong, the app goes on without the agent.
 */
public final class AgentEntry {
    private static final String INSTALLER = "dev.primus.agent.boot.AgentInstaller";

    private AgentEntry() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        String killedBy = killSwitch();
        if (killedBy != null) {
            System.err.println("[primus] disabled by " + killedBy + "; nothing installed");
            return;
        }
        try {
            JarFile jar = AgentJar.open();
            instrumentation.appendToBootstrapClassLoaderSearch(jar);
            ClassLoader agentLoader = new IsolatedClassLoader(jar, AgentJar.location(jar), IsolatedClassLoader.platformLoader());
            Method install = agentLoader.loadClass(INSTALLER)
                    .getMethod("install", String.class, Instrumentation.class, boolean.class);
            install.invoke(null, arguments, instrumentation, attached);
        } catch (Throwable failure) {
            Throwable cause = failure instanceof InvocationTargetException && failure.getCause() != null
                    ? failure.getCause() : failure;
            System.err.println("[primus] ERROR the agent could not start (" + cause + "); the app runs without it");
        }
    }

    /** What disabled the agent, or null: {@code -Dprimus.enabled=false} or {@code PRIMUS_ENABLED=false}. */
    static String killSwitch() {
        if ("false".equalsIgnoreCase(System.getProperty("primus.enabled"))) {
            return "-Dprimus.enabled=false";
        }
        if ("false".equalsIgnoreCase(System.getenv("PRIMUS_ENABLED"))) {
            return "PRIMUS_ENABLED=false";
        }
        return null;
    }
}
