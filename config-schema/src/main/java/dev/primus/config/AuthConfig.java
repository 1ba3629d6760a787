package dev.primus.config;

/**
 * The {@code auth} section's module-wide settings. Issuers, keys, webhooks, rules and rate
 * limits are validated with the rest of the file; the auth engine binds them from
 * {@link #section()} when it is built.
 */
public final class AuthConfig {
    /** How much of a request body the agent reads to verify a webhook signature, by default. */
    static final String DEFAULT_MAX_BODY = "1MB";

    private final Mode mode;
    private final boolean defaultAllow;
    private final boolean failClosed;
    private final boolean auditSuccess;
    private final int maxBodyBytes;
    private final ConfigNode section;

    AuthConfig(Mode mode, boolean defaultAllow, boolean failClosed, boolean auditSuccess, int maxBodyBytes,
               ConfigNode section) {
        this.mode = mode;
        this.defaultAllow = defaultAllow;
        this.failClosed = failClosed;
        this.auditSuccess = auditSuccess;
        this.maxBodyBytes = maxBodyBytes;
        this.section = section;
    }

    /** {@code audit_success: true}: allowed requests are audited too, not only refusals. */
    public boolean auditSuccess() {
        return auditSuccess;
    }

    /** {@code max_body_bytes}: a webhook body larger than this is refused unread. */
    public int maxBodyBytes() {
        return maxBodyBytes;
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
