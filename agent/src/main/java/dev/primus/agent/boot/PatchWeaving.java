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
 * now on, retransforms the patched classes the JVM already loaded (java.net.Socket is, by
 * the time premain runs), and loads the others now.
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
        WeavingAgain.start(instrumentation, weaver);
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
        loadTheRestNow(patches);
    }

    /**
     * Loads, without initialising, every JDK class a patch targets that the JVM has not loaded
     * yet, so that each is woven here, on premain's stack. Left to load when the app first uses
     * it, such a class could be loaded by code that first fills its thread's stack: the weaver
     * would then overflow, and the JVM has no way to fail a class's load from a transformer, so
     * the class would run unwoven (a red-team probe opened denied sockets and processes so). A
     * class this JDK lacks (NioSocketImpl before 13) is skipped.
     */
    private static void loadTheRestNow(List<Patch> patches) {
        for (Patch patch : patches) {
            if (patch.bootOnly()) {
                try {
                    Class.forName(patch.className().replace('/', '.'), false, null);
                } catch (ClassNotFoundException | LinkageError notInThisJdk) {
                    // Nothing to weave.
                }
            }
        }
    }
}
