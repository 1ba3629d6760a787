package dev.primus.instrumentation.log4j2;

import dev.primus.instrumentation.weaving.Patch;
import java.util.ArrayList;
import java.util.List;

/** The Log4j2 fields and methods log masking weaves. */
public final class Log4j2Patches {
    private static final String GATE = "dev/primus/bootstrap/LogMasking";
    private static final String OBJECT_FILTER = "(Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String TEXT_FILTER = "(Ljava/lang/String;)Ljava/lang/String;";
    private static final String MESSAGE = "Lorg/apache/logging/log4j/message/Message;";
    private static final String[] EVENTS = {
        "org/apache/logging/log4j/core/impl/Log4jLogEvent",
        "org/apache/logging/log4j/core/impl/MutableLogEvent",
        "org/apache/logging/log4j/core/async/RingBufferLogEvent",
    };
    private static final String[] REUSABLE_EVENTS = {EVENTS[1], EVENTS[2]};
    private static final String PROXY = "org/apache/logging/log4j/core/impl/ThrowableProxy";

    private Log4j2Patches() {
    }

    public static List<Patch> all() {
        List<Patch> patches = new ArrayList<Patch>();
        for (String event : EVENTS) {
            patches.add(Patch.filterStores(event, "message", MESSAGE, GATE, "log4jMessage", OBJECT_FILTER).inAnyLoader());
            patches.add(Patch.filterStores(event, "contextData", "Lorg/apache/logging/log4j/util/StringMap;", GATE,
                    "log4jContext", OBJECT_FILTER).inAnyLoader());
            patches.add(Patch.filterStores(event, "contextStack", "Lorg/apache/logging/log4j/ThreadContext$ContextStack;",
                    GATE, "log4jContextStack", OBJECT_FILTER).inAnyLoader());
        }
        for (String event : REUSABLE_EVENTS) {
            patches.add(Patch.exitWithThis(event, "setMessage", "(" + MESSAGE + ")V", GATE, "afterLog4jSetMessage")
                    .inAnyLoader());
        }
        patches.add(Patch.filterStores(PROXY, "message", "Ljava/lang/String;", GATE, "text", TEXT_FILTER).inAnyLoader());
        patches.add(Patch.filterStores(PROXY, "localizedMessage", "Ljava/lang/String;", GATE, "text", TEXT_FILTER)
                .inAnyLoader());
        patches.add(Patch.enterExit("org/apache/logging/log4j/core/config/AppenderControl", "callAppender",
                "(Lorg/apache/logging/log4j/core/LogEvent;)V", GATE, "enterAppender", "(Ljava/lang/Object;)V",
                "exitAppender").inAnyLoader());
        return patches;
    }
}
