package dev.primus.agent.boot;

import dev.primus.instrumentation.weaving.PatchWeaver;
import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.weaving.PatchCoverage;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves the JDK's own classes: registers the {@link PatchWeaver} for classes loaded from
 * now on, and retransforms the patched classes the JVM already loaded (java.net.Socket is, by
 * the time premain runs).
 */
final class PatchWeaving {
    private PatchWeaving() {
    }

    /** Registers the patches; what was woven, and what went missing, is told to {@code coverage}. */
    static void install(Instrumentation instrumentation, List<Patch> patches, PatchCoverage coverage)
            throws UnmodifiableClassException {
        if (patches.isEmpty()) {
            return;
        }
        PatchWeaver weaver = new PatchWeaver(patches, coverage);
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
    }
}
