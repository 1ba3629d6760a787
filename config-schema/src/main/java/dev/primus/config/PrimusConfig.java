package dev.primus.config;

/** A loaded, valid config file: the typed model every engine reads. */
public final class PrimusConfig {
    private final String source;
    private final byte[] content;
    private volatile String sha256;
    private final String service;
    private final String serviceAsWritten;
    private final Mode mode;
    private final boolean failClosed;
    private final EgressConfig egress;
    private final MaskingConfig masking;
    private final AuthConfig auth;
    private final AuditConfig audit;
    private final MetricsConfig metrics;
    private final ConfigNode root;

    PrimusConfig(String source, byte[] content, ConfigNode root, String service, String serviceAsWritten, Mode mode,
                 boolean failClosed, EgressConfig egress, MaskingConfig masking, AuthConfig auth, AuditConfig audit,
                 MetricsConfig metrics) {
        this.source = source;
        this.root = root;
        this.content = content;
        this.service = service;
        this.serviceAsWritten = serviceAsWritten;
        this.mode = mode;
        this.failClosed = failClosed;
        this.egress = egress;
        this.masking = masking;
        this.auth = auth;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** The whole file as parsed, substitutions made: what a reload compares section by section. */
    public ConfigNode root() {
        return root;
    }

    /** The file it came from as the operator named it, or {@code embedded default}. */
    public String source() {
        return source;
    }

    /**
     * Hex SHA-256 of the file's bytes, so an audit trail can tell which version was in force.
     * Computed on first use, off the start-up path: loading the JDK's digest providers costs
     * tens of milliseconds that premain should not spend.
     */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = ConfigLoader.sha256Hex(content);
            sha256 = hash;
        }
        return hash;
    }

    public String service() {
        return service;
    }

    /**
     * The service as the file writes it, for lines a person reads (validate, the start-up line):
     * {@code ${file:/run/secrets/service}} rather than what the secret holds, which is printed
     * nowhere but in the audit events' {@code service}.
     */
    public String serviceAsWritten() {
        return serviceAsWritten;
    }

    /** The top-level mode, which each module's own mode overrides. */
    public Mode mode() {
        return mode;
    }

    /** {@code on_config_error: fail_closed}. */
    public boolean failClosed() {
        return failClosed;
    }

    public EgressConfig egress() {
        return egress;
    }

    public MaskingConfig masking() {
        return masking;
    }

    public AuthConfig auth() {
        return auth;
    }

    public AuditConfig audit() {
        return audit;
    }

    public MetricsConfig metrics() {
        return metrics;
    }
}
