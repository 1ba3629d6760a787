package dev.primus.config;

import java.util.Collections;
import java.util.List;

/** The {@code audit} section: how many events may wait, and where they go. */
public final class AuditConfig {
    public static final int DEFAULT_QUEUE_CAPACITY = 65536;

    private final int queueCapacity;
    private final List<AuditSinkConfig> sinks;
    private final boolean failClosed;

    AuditConfig(int queueCapacity, List<AuditSinkConfig> sinks, boolean failClosed) {
        this.queueCapacity = queueCapacity;
        this.sinks = Collections.unmodifiableList(sinks);
        this.failClosed = failClosed;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public List<AuditSinkConfig> sinks() {
        return sinks;
    }

    /**
     * {@code on_failure: fail_closed}: a trail that cannot be written is a reason not to run, for
     * setups where an unaudited decision is not allowed. The agent then refuses to start (or, by
     * attach, to load) when a local sink cannot be opened. A remote sink is never waited for.
     */
    public boolean failClosed() {
        return failClosed;
    }
}
