package dev.primus.instrumentation.jul;

import dev.primus.instrumentation.LogMaskingGetters;
import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The java.util.logging methods log masking weaves (JDK classes: the boot loader's only). */
public final class JulPatches {
    private static final String GATE = LogMaskingGetters.GATE;
    private static final String JBOSS_RECORD = "org/jboss/logmanager/ExtLogRecord";

    private JulPatches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                Patch.enterExit("java/util/logging/Logger", "log", "(Ljava/util/logging/LogRecord;)V", 0, GATE,
                        "enterJulLog", "(Ljava/lang/Object;)V", "exitAppender"),
                // JBoss LogManager (WildFly, JBoss EAP, Quarkus, Keycloak), when it is the LogManager:
                // its Logger overrides log(LogRecord), and every call of its own and of JBoss
                // Logging's ends here instead, with its record, a LogRecord of its own.
                Patch.enterExit("org/jboss/logmanager/Logger", "logRaw", "(Lorg/jboss/logmanager/ExtLogRecord;)V", 0,
                        GATE, "enterJulLog", "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader(),
                // Its record's MDC as its formatters read it: %X{key} with the key, %X and JSON whole.
                LogMaskingGetters.valueWithKey(JBOSS_RECORD, "getMdc", "(Ljava/lang/String;)Ljava/lang/String;"),
                LogMaskingGetters.mapValues(JBOSS_RECORD, "getMdcCopy"),
                // And its NDC (%x), text the app pushed, as a value on its own.
                LogMaskingGetters.text(JBOSS_RECORD, "getNdc"),
                // Where a handler formats a record, on whichever thread it does: an asynchronous handler
                // formats on a thread of its own, outside Logger.log, and the thrown exception's text is
                // masked only while the thread is marked. The JDK's stream handlers (console, file,
                // socket), and Tomcat JULI's file handler, whose AsyncFileHandler (Tomcat's default)
                // hands it the record from its writer thread.
                Patch.enterExit("java/util/logging/StreamHandler", "publish", "(Ljava/util/logging/LogRecord;)V", -1, GATE,
                        "enterAppender", "(Ljava/lang/Object;)V", "exitAppender"),
                Patch.enterExit("org/apache/juli/FileHandler", "publish", "(Ljava/util/logging/LogRecord;)V", -1, GATE,
                        "enterAppender", "(Ljava/lang/Object;)V", "exitAppender").inAnyLoader(),
                Patch.filterReturn("java/util/logging/Formatter", "formatMessage",
                        "(Ljava/util/logging/LogRecord;)Ljava/lang/String;", GATE, "julMessage",
                        "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;").alsoPassing(0));
    }
}
