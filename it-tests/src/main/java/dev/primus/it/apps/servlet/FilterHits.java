package dev.primus.it.apps.servlet;

import java.util.concurrent.atomic.AtomicInteger;

/** How many requests reached the app's first filter: a request the agent answers must never count. */
public final class FilterHits {
    static final AtomicInteger COUNT = new AtomicInteger();

    private FilterHits() {
    }

    public static int count() {
        return COUNT.get();
    }

    /** Counts a request unless it is the one asking for the count. */
    static void reached(String uri) {
        if (!uri.endsWith("/count")) {
            COUNT.incrementAndGet();
        }
    }
}
