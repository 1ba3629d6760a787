package dev.primus.instrumentation.log4j1;

import dev.primus.instrumentation.LogMaskingGetters;
import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The Log4j 1.2 (and reload4j) fields and methods log masking weaves. */
public final class Log4j1Patches {
    private static final String EVENT = "org/apache/log4j/spi/LoggingEvent";
    private static final String GATE = LogMaskingGetters.GATE;

    private Log4j1Patches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                // The text every layout writes for %m, rendered once from the message object.
                Patch.filterStores(EVENT, "renderedMessage", "Ljava/lang/String;", GATE, "message",
                        "(Ljava/lang/String;)Ljava/lang/String;").inAnyLoader(),
                // %X{key}: the value with its key, from the event's MDC copy or the thread's MDC.
                LogMaskingGetters.valueWithKey(EVENT, "getMDC", "(Ljava/lang/String;)Ljava/lang/Object;"),
                // %x: the nested diagnostic context, text the app pushed, as a value on its own.
                LogMaskingGetters.text(EVENT, "getNDC"),
                // %X and %properties: the whole map.
                LogMaskingGetters.mapValues(EVENT, "getProperties"),
                // Every appender runs marked as logging, so the stack trace it renders is masked.
                Patch.enterExit("org/apache/log4j/AppenderSkeleton", "doAppend", "(Lorg/apache/log4j/spi/LoggingEvent;)V",
                        GATE, "enterAppender", "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader());
    }
}
