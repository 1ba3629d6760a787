package dev.primus.instrumentation;

/** The guard a hook serves; the guard's mode in the config decides whether the hook is woven. */
public enum Guard {
    EGRESS, LOGGING, AUTH
}
