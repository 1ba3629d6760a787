package dev.primus.instrumentation.jdk.lang;

import dev.primus.instrumentation.weaving.Patch;
import java.util.ArrayList;
import java.util.List;

/** The Throwable methods log masking weaves. */
public final class ThrowablePatches {
    private ThrowablePatches() {
    }

    public static List<Patch> all() {
        List<Patch> patches = new ArrayList<Patch>();
        // All three: a subclass that overrides getMessage is still caught by getLocalizedMessage and toString.
        for (String method : new String[] {"getMessage", "getLocalizedMessage", "toString"}) {
            patches.add(Patch.filterReturn("java/lang/Throwable", method, "()Ljava/lang/String;",
                    "dev/primus/bootstrap/LogMasking", "textWhileLogging", "(Ljava/lang/String;)Ljava/lang/String;"));
        }
        return patches;
    }
}
