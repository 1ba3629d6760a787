package dev.primus.config;

import java.util.Collections;
import java.util.List;

/** The {@code audit} section: how many events may wait, and where they go. */
public final class AuditConfig {
    public static final int DEFAULT_QUEUE_CAPACITY = 65536;

    private final int queueCapacity;
    private final List<AuditSinkConfig> sinks;

    AuditConfig(int queueCapacity, List<AuditSinkConfig> sinks) {
        this.queueCapacity = queueCapacity;
        this.sinks = Collections.unmodifiableList(sinks);
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public List<AuditSinkConfig> sinks() {
        return sinks;
    }
}
