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
        // Library hooks (OkHttp, Apache HttpClient, Netty, loggers, servlets) land here; the
        // JDK's own classes are woven by boot.BootClassWeaver.
        return Collections.emptyList();
    }
}
