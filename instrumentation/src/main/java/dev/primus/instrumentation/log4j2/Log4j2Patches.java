package dev.primus.instrumentation.log4j2;

import dev.primus.instrumentation.boot.BootPatch;
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

    public static List<BootPatch> all() {
        List<BootPatch> patches = new ArrayList<BootPatch>();
        for (String event : EVENTS) {
            patches.add(BootPatch.filterStores(event, "message", MESSAGE, GATE, "log4jMessage", OBJECT_FILTER).inAnyLoader());
            patches.add(BootPatch.filterStores(event, "contextData", "Lorg/apache/logging/log4j/util/StringMap;", GATE,
                    "log4jContext", OBJECT_FILTER).inAnyLoader());
        }
        for (String event : REUSABLE_EVENTS) {
            patches.add(BootPatch.exitWithThis(event, "setMessage", "(" + MESSAGE + ")V", GATE, "afterLog4jSetMessage")
                    .inAnyLoader());
        }
        patches.add(BootPatch.filterStores(PROXY, "message", "Ljava/lang/String;", GATE, "text", TEXT_FILTER).inAnyLoader());
        patches.add(BootPatch.filterStores(PROXY, "localizedMessage", "Ljava/lang/String;", GATE, "text", TEXT_FILTER)
                .inAnyLoader());
        patches.add(BootPatch.enterExit("org/apache/logging/log4j/core/config/AppenderControl", "callAppender",
                "(Lorg/apache/logging/log4j/core/LogEvent;)V", GATE, "enterAppender", "(Ljava/lang/Object;)V",
                "exitAppender").inAnyLoader());
        return patches;
    }
}
