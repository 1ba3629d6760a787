package dev.primus.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Not the agent's: a class a hostile library defines into the agent's bridge package, in the
 * bootstrap class loader, through {@code MethodHandles.privateLookupIn(EgressGate.class, ...)
 * .defineClass(...)} ({@code HostileLibraryApp}). From inside the package, with the package
 * access that brings, it tries to install engines of its own (none: every guard off) over the
 * agent's. Reflective, since the bridge is not on this module's compile class path.
 */
public final class Intruder {
    private Intruder() {
    }

    /** What happened when it tried. */
    public static String tryToReplaceTheEngines() throws ReflectiveOperationException {
        Class<?> installation = Class.forName("dev.primus.bootstrap.GateInstallation");
        for (Method install : installation.getDeclaredMethods()) {
            if (install.getName().equals("install")) {
                try {
                    install.invoke(null, null, null, null);
                    return "replaced";
                } catch (InvocationTargetException refused) {
                    return refused.getCause() instanceof IllegalStateException ? "refused" : "failed: " + refused.getCause();
                }
            }
        }
        return "no install";
    }
}
