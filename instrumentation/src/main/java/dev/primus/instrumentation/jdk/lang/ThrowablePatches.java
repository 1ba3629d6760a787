package dev.primus.instrumentation.jdk.lang;

import dev.primus.instrumentation.boot.BootPatch;
import java.util.ArrayList;
import java.util.List;

/** The Throwable methods log masking weaves. */
public final class ThrowablePatches {
    private ThrowablePatches() {
    }

    public static List<BootPatch> all() {
        List<BootPatch> patches = new ArrayList<BootPatch>();
        // All three: a subclass that overrides getMessage is still caught by getLocalizedMessage and toString.
        for (String method : new String[] {"getMessage", "getLocalizedMessage", "toString"}) {
            patches.add(BootPatch.filterReturn("java/lang/Throwable", method, "()Ljava/lang/String;",
                    "dev/primus/bootstrap/LogMasking", "textWhileLogging", "(Ljava/lang/String;)Ljava/lang/String;"));
        }
        return patches;
    }
}
