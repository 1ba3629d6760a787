package dev.primus.config;

import java.util.Collections;
import java.util.List;

/** The {@code egress} section: which outbound destinations the app may reach. */
public final class EgressConfig {
    private final Mode mode;
    private final boolean defaultAllow;
    private final boolean requireTls;
    private final boolean dnsEnforce;
    private final boolean failClosed;
    private final List<EgressRule> allow;
    private final List<EgressRule> deny;
    private final List<String> processesAllowed;

    EgressConfig(Mode mode, boolean defaultAllow, boolean requireTls, boolean dnsEnforce, boolean failClosed,
                 List<EgressRule> allow, List<EgressRule> deny, List<String> processesAllowed) {
        this.mode = mode;
        this.defaultAllow = defaultAllow;
        this.requireTls = requireTls;
        this.dnsEnforce = dnsEnforce;
        this.failClosed = failClosed;
        this.allow = Collections.unmodifiableList(allow);
        this.deny = Collections.unmodifiableList(deny);
        this.processesAllowed = processesAllowed == null ? null : Collections.unmodifiableList(processesAllowed);
    }

    /**
     * {@code processes}: null when child processes are only audited (the default); otherwise the
     * executables that may start, none for {@code deny}.
     */
    public List<String> processesAllowed() {
        return processesAllowed;
    }

    public Mode mode() {
        return mode;
    }

    /** {@code default: allow}; the default is deny. */
    public boolean defaultAllow() {
        return defaultAllow;
    }

    public boolean requireTls() {
        return requireTls;
    }

    /** {@code dns: enforce}: names no rule allows are not even resolved. */
    public boolean dnsEnforce() {
        return dnsEnforce;
    }

    /** {@code on_error: fail_closed}: deny when the decision itself fails. */
    public boolean failClosed() {
        return failClosed;
    }

    public List<EgressRule> allow() {
        return allow;
    }

    public List<EgressRule> deny() {
        return deny;
    }
}
