package dev.primus.instrumentation.logback;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The Logback fields and methods log masking weaves. */
public final class LogbackPatches {
    private static final String EVENT = "ch/qos/logback/classic/spi/LoggingEvent";
    private static final String GATE = "dev/primus/bootstrap/LogMasking";
    private static final String LOGSTASH_MARKERS = "net/logstash/logback/marker/";
    private static final String TEXT_FILTER = "(Ljava/lang/String;)Ljava/lang/String;";

    private LogbackPatches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                // With the event: a line break its template holds may stay, one from an argument may not.
                Patch.filterStores(EVENT, "formattedMessage", "Ljava/lang/String;", GATE, "logbackMessage",
                        "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;").passingOwner().inAnyLoader(),
                // At the getter, not the store: the event formats its message from the field, so
                // only appenders that read the arguments themselves (JSON encoders, error trackers,
                // the socket appender) pay for this. With the event, whose template may hold the
                // key that makes an argument a secret ("password={}").
                Patch.filterReturn(EVENT, "getArgumentArray", "()[Ljava/lang/Object;", GATE, "arguments",
                        "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;").passingOwner().inAnyLoader(),
                Patch.filterStores(EVENT, "mdcPropertyMap", "Ljava/util/Map;", GATE, "values",
                        "(Ljava/util/Map;)Ljava/util/Map;").inAnyLoader(),
                // At the getter: pairs arrive by setKeyValuePairs (the fluent API) or one by one by
                // addKeyValuePair, which never stores the field again; only events with pairs pay.
                // Logback 1.3 and later: 1.2 has no key-value pairs, and loses nothing without this.
                Patch.filterReturn(EVENT, "getKeyValuePairs", "()Ljava/util/List;", GATE, "keyValuePairs",
                        "(Ljava/util/List;)Ljava/util/List;").inAnyLoader().optionalInOlderVersions(),
                // The template as logged, which an app that concatenates makes the whole line: the
                // logstash encoder's rawMessage provider and Sentry's appender write it. At the getter:
                // the event formats its message from the field, and %msg never asks for it.
                Patch.filterReturn(EVENT, "getMessage", "()Ljava/lang/String;", GATE, "logbackTemplate",
                        "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;").passingOwner().inAnyLoader(),
                Patch.filterStores("ch/qos/logback/classic/spi/ThrowableProxy", "message", "Ljava/lang/String;", GATE,
                        "text", TEXT_FILTER).inAnyLoader(),
                // logstash-logback-encoder's structured arguments (kv, v, entries), which its JSON
                // providers write as fields of their own, apart from the message.
                // With the marker, whose field name says what a value is (kv("password", p)).
                Patch.filterStores(LOGSTASH_MARKERS + "ObjectAppendingMarker", "fieldValue", "Ljava/lang/Object;", GATE,
                        "structuredArgument", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;").passingOwner()
                        .inAnyLoader(),
                Patch.filterStores(LOGSTASH_MARKERS + "MapEntriesAppendingMarker", "map", "Ljava/util/Map;", GATE,
                        "values", "(Ljava/util/Map;)Ljava/util/Map;").inAnyLoader(),
                appender("ch/qos/logback/core/UnsynchronizedAppenderBase"),
                appender("ch/qos/logback/core/AppenderBase"));
    }

    private static Patch appender(String className) {
        return Patch.enterExit(className, "doAppend", "(Ljava/lang/Object;)V", GATE, "enterAppender",
                "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader();
    }
}
