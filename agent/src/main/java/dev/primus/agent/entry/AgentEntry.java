package dev.primus.agent.entry;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * {@code premain} and {@code agentmain}. Checks the kill switch, puts the bootstrap bridge on
 * the bootstrap class path, and hands over to the installer in the isolated class loader.
 * Whatever goes wrong, the app goes on without the agent.
 */
public final class AgentEntry {
    private static final String STARTER = "dev.primus.agent.boot.AgentStart";
    private static final String ENGINE_MODULE = "dev.primus.agent.entry.EngineModule";

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
            // From here, not by a Boot-Class-Path manifest entry: appended as the JVM starts, the jar
            // makes HotSpot refuse the app's own class data sharing archive (AppCdsIT).
            instrumentation.appendToBootstrapClassLoaderSearch(jar);
            IsolatedClassLoader agentLoader = new IsolatedClassLoader(jar, AgentJar.location(jar),
                    IsolatedClassLoader.platformLoader());
            starter(agentLoader, instrumentation).accept(new Object[] {arguments, instrumentation, attached});
        } catch (Throwable failure) {
            Throwable cause = failure instanceof InvocationTargetException && failure.getCause() != null
                    ? failure.getCause() : failure;
            System.err.println("[primus] ERROR the agent could not start (" + cause + "); the app runs without it");
        }
    }

    /**
     * The installer, inside the sealed engine module on Java 9 and later ({@code EngineModule});
     * on Java 8, which has no modules, loaded plainly.
     */
    @SuppressWarnings("unchecked")
    private static Consumer<Object[]> starter(IsolatedClassLoader agentLoader, Instrumentation instrumentation)
            throws ReflectiveOperationException {
        if (IsolatedClassLoader.platformLoader() == null) {
            return (Consumer<Object[]>) agentLoader.loadClass(STARTER).newInstance();
        }
        Method seal = Class.forName(ENGINE_MODULE).getDeclaredMethod("seal", ClassLoader.class, Set.class, Instrumentation.class);
        seal.setAccessible(true);
        return (Consumer<Object[]>) seal.invoke(null, agentLoader, agentLoader.packages(), instrumentation);
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
