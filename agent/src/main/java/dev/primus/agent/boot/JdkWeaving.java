package dev.primus.agent.boot;

import dev.primus.instrumentation.boot.BootClassWeaver;
import dev.primus.instrumentation.boot.BootPatch;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves the JDK's own classes: registers the {@link BootClassWeaver} for classes loaded from
 * now on, and retransforms the patched classes the JVM already loaded (java.net.Socket is, by
 * the time premain runs).
 */
final class JdkWeaving {
    private JdkWeaving() {
    }

    /** Returns how many patches were registered. */
    static int install(Instrumentation instrumentation, List<BootPatch> patches) throws UnmodifiableClassException {
        if (patches.isEmpty()) {
            return 0;
        }
        BootClassWeaver weaver = new BootClassWeaver(patches);
        instrumentation.addTransformer(weaver, true);
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (weaver.patches(type) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
        return patches.size();
    }
}
