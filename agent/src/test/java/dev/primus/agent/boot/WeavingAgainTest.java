package dev.primus.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.weaving.PatchWeaver;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which loaded classes the thread that weaves again retransforms: a class of a patched name that
 * the weaver never saw through (defined unwoven), once; not one it saw, nor any other class.
 */
class WeavingAgainTest {
    /** Stands for a hooked library class. */
    static final class Hooked {
    }

    /** Another class of the same patched name's kind, that the weaver saw through. */
    static final class HookedAndSeen {
    }

    private static final String HOOKED = Hooked.class.getName().replace('.', '/');
    private static final String SEEN = HookedAndSeen.class.getName().replace('.', '/');

    /** Only what the scan asks of an {@link Instrumentation}: the loaded classes, and retransforming. */
    private static final class Loaded {
        final List<Class<?>> retransformed = new ArrayList<>();
        final Instrumentation instrumentation;

        Loaded(Class<?>... classes) {
            instrumentation = (Instrumentation) Proxy.newProxyInstance(Instrumentation.class.getClassLoader(),
                    new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> switch (method.getName()) {
                        case "getAllLoadedClasses" -> classes.clone();
                        case "isModifiableClass" -> true;
                        case "retransformClasses" -> {
                            retransformed.addAll(List.of((Class<?>[]) arguments[0]));
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static Patch patchOf(String className) {
        return Patch.checkArgument(className, "run", "()V", -1, "dev/primus/bootstrap/EgressGate", "checkSocket",
                "(Ljava/lang/Object;)V").inAnyLoader();
    }

    @Test
    void aClassOfAPatchedNameTheWeaverNeverSawThroughIsRetransformedOnce() {
        PatchWeaver weaver = new PatchWeaver(List.of(patchOf(HOOKED), patchOf(SEEN)));
        Loaded loaded = new Loaded(String.class, Hooked.class, HookedAndSeen.class);
        WeavingAgain again = new WeavingAgain(loaded.instrumentation, weaver);
        again.transformed(HookedAndSeen.class.getClassLoader(), SEEN);

        assertEquals(1, again.weaveWhatRunsUnwoven());
        assertEquals(List.of(Hooked.class), loaded.retransformed, "only the patched class the weaver never saw");
        assertEquals(0, again.weaveWhatRunsUnwoven(), "tried once: a retransform that failed is not tried at each scan");
    }

    @Test
    void aClassSeenThroughInAnotherLoaderStillCounts() {
        PatchWeaver weaver = new PatchWeaver(List.of(patchOf(HOOKED)));
        Loaded loaded = new Loaded(Hooked.class);
        WeavingAgain again = new WeavingAgain(loaded.instrumentation, weaver);
        again.transformed(new ClassLoader(null) { }, HOOKED); // the same name, seen in a loader of its own

        assertEquals(1, again.weaveWhatRunsUnwoven(), "a class is known by its loader and its name");
    }
}
