package dev.primus.instrumentation;

import java.util.Collections;
import java.util.List;

/**
 * Every ByteBuddy hook the agent ships, for classes the app's class loaders load. A new library
 * gets its package and one line here; the agent weaves those whose guard is not {@code off}.
 */
public final class Hooks {
    private Hooks() {
    }

    public static List<Hook> all() {
        // Hooks that must match by type hierarchy (any servlet Filter, any logging Appender, Spring
        // handler methods) land here with the auth and masking guards. A hook that is one known
        // method of one known class (the JDK's networking, OkHttp, Apache HttpClient, Netty) is a
        // boot.BootPatch instead: no ByteBuddy at start-up for it.
        return Collections.emptyList();
    }
}
