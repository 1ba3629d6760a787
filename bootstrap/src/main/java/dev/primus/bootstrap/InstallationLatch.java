package dev.primus.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers, for the life of the JVM, that the agent was installed, so that a second
 * {@code -javaagent} flag or a later {@code attach} is refused instead of weaving twice.
 * It lives on the bootstrap class path, so every copy of the agent sees the same latch.
 */
public final class InstallationLatch {
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();

    private InstallationLatch() {
    }

    /** True for the first caller only. */
    public static boolean tryClaim() {
        return CLAIMED.compareAndSet(false, true);
    }
}
