package dev.primus.instrumentation.slf4jsimple;

import dev.primus.instrumentation.weaving.Patch;
import java.util.ArrayList;
import java.util.List;

/** The slf4j-simple method log masking weaves: where a logger writes the line it built. */
public final class Slf4jSimplePatches {
    /** SLF4J 1.7's binding, then 2.x's provider: the same method in each. */
    private static final String[] LOGGERS = {"org/slf4j/impl/SimpleLogger", "org/slf4j/simple/SimpleLogger"};
    private static final String GATE = "dev/primus/bootstrap/LogMasking";

    private Slf4jSimplePatches() {
    }

    public static List<Patch> all() {
        List<Patch> patches = new ArrayList<Patch>();
        for (String logger : LOGGERS) {
            patches.add(Patch.enterExit(logger, "write", "(Ljava/lang/StringBuilder;Ljava/lang/Throwable;)V", 0, GATE,
                    "enterLine", "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader());
        }
        return patches;
    }
}
