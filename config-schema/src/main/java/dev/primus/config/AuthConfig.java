package dev.primus.config;

/**
 * The {@code auth} section's module-wide settings. Issuers, keys, webhooks, rules and rate
 * limits are validated with the rest of the file; the auth engine binds them from
 * {@link #section()} when it is built.
 */
public final class AuthConfig {
    private final Mode mode;
    private final boolean defaultAllow;
    private final boolean failClosed;
    private final ConfigNode section;

    AuthConfig(Mode mode, boolean defaultAllow, boolean failClosed, ConfigNode section) {
        this.mode = mode;
        this.defaultAllow = defaultAllow;
        this.failClosed = failClosed;
        this.section = section;
    }

    public Mode mode() {
        return mode;
    }

    /** What unmatched routes get; the default is allow. */
    public boolean defaultAllow() {
        return defaultAllow;
    }

    public boolean failClosed() {
        return failClosed;
    }

    /** The validated {@code auth} subtree, or null when the file has none. */
    public ConfigNode section() {
        return section;
    }
}
