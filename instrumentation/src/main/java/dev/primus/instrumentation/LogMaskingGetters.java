package dev.primus.instrumentation;

import dev.primus.instrumentation.weaving.Patch;

/**
 * A library's getter whose return value log masking filters through its bootstrap bridge
 * ({@code dev.primus.bootstrap.LogMasking}), as the logging backends' and access logs' patches
 * share them: a text, a value read with its key, a map of values. Each is woven in any loader.
 */
public final class LogMaskingGetters {
    public static final String GATE = "dev/primus/bootstrap/LogMasking";
    private static final String TEXT = "(Ljava/lang/String;)Ljava/lang/String;";

    private LogMaskingGetters() {
    }

    /** A {@code String} getter, masked as a value on its own (an NDC the app pushed). */
    public static Patch text(String owner, String getter) {
        return Patch.filterReturn(owner, getter, "()Ljava/lang/String;", GATE, "text", TEXT).inAnyLoader();
    }

    /** A {@code String} getter, masked as a message is, its own template (a request line). */
    public static Patch message(String owner, String getter) {
        return Patch.filterReturn(owner, getter, "()Ljava/lang/String;", GATE, "message", TEXT).inAnyLoader();
    }

    /** A getter that takes a key and returns its value ({@code descriptor}), masked with that key (%X{key}). */
    public static Patch valueWithKey(String owner, String getter, String descriptor) {
        return Patch.filterReturn(owner, getter, descriptor, GATE, "valueOf",
                "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;").alsoPassing(0).inAnyLoader();
    }

    /** A {@code Map} getter, each value masked with its key (an MDC copy, request headers). */
    public static Patch mapValues(String owner, String getter) {
        return Patch.filterReturn(owner, getter, "()Ljava/util/Map;", GATE, "values", "(Ljava/util/Map;)Ljava/util/Map;")
                .inAnyLoader();
    }
}
