package dev.primus.instrumentation.log4j1;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The Log4j 1.2 (and reload4j) fields and methods log masking weaves. */
public final class Log4j1Patches {
    private static final String EVENT = "org/apache/log4j/spi/LoggingEvent";
    private static final String GATE = "dev/primus/bootstrap/LogMasking";

    private Log4j1Patches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                // The text every layout writes for %m, rendered once from the message object.
                Patch.filterStores(EVENT, "renderedMessage", "Ljava/lang/String;", GATE, "message",
                        "(Ljava/lang/String;)Ljava/lang/String;").inAnyLoader(),
                // %X{key}: the value with its key, from the event's MDC copy or the thread's MDC.
                Patch.filterReturn(EVENT, "getMDC", "(Ljava/lang/String;)Ljava/lang/Object;", GATE, "valueOf",
                        "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;").alsoPassing(0).inAnyLoader(),
                // %x: the nested diagnostic context, text the app pushed, as a value on its own.
                Patch.filterReturn(EVENT, "getNDC", "()Ljava/lang/String;", GATE, "text",
                        "(Ljava/lang/String;)Ljava/lang/String;").inAnyLoader(),
                // %X and %properties: the whole map.
                Patch.filterReturn(EVENT, "getProperties", "()Ljava/util/Map;", GATE, "values",
                        "(Ljava/util/Map;)Ljava/util/Map;").inAnyLoader(),
                // Every appender runs marked as logging, so the stack trace it renders is masked.
                Patch.enterExit("org/apache/log4j/AppenderSkeleton", "doAppend", "(Lorg/apache/log4j/spi/LoggingEvent;)V",
                        GATE, "enterAppender", "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader());
    }
}
