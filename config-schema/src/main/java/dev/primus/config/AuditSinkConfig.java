package dev.primus.config;

/** One {@code audit.sinks} entry. Fields that do not apply to the sink's type are null or zero. */
public final class AuditSinkConfig {
    public enum Type { FILE, STDOUT, STDERR, NATS, HTTP }

    public static final long DEFAULT_MAX_SIZE = 100L << 20;
    public static final int DEFAULT_MAX_FILES = 10;
    /** Events between two chain_head events of a keyed chain. */
    public static final int DEFAULT_HEAD_EVERY = 1000;

    private final Type type;
    private final String path;
    private final long maxSizeBytes;
    private final int maxFiles;
    private final boolean hashChain;
    private final String url;
    private final String subject;
    private final NatsSinkConfig nats;
    private final HttpSinkConfig http;
    private final String chainKey;
    private final int chainHeadEvery;
    private final boolean ocsf;
    private String spillPath;
    private long spillMaxBytes;

    AuditSinkConfig(Type type, String path, long maxSizeBytes, int maxFiles, boolean hashChain, String url,
                    String subject, NatsSinkConfig nats, HttpSinkConfig http, String chainKey, int chainHeadEvery,
                    boolean ocsf) {
        this.type = type;
        this.path = path;
        this.maxSizeBytes = maxSizeBytes;
        this.maxFiles = maxFiles;
        this.hashChain = hashChain;
        this.url = url;
        this.subject = subject;
        this.nats = nats;
        this.http = http;
        this.chainKey = chainKey;
        this.chainHeadEvery = chainHeadEvery;
        this.ocsf = ocsf;
    }

    /** A remote sink spills past its memory buffer to {@code path}, up to {@code maxBytes}. */
    AuditSinkConfig spill(String path, long maxBytes) {
        this.spillPath = path;
        this.spillMaxBytes = maxBytes;
        return this;
    }

    /** Where a remote sink spills events its memory buffer has no room for; null: it drops them. */
    public String spillPath() {
        return spillPath;
    }

    /** The spill file's size at most. */
    public long spillMaxBytes() {
        return spillMaxBytes;
    }

    /** Whether the sink takes events as OCSF ({@code format: ocsf}) rather than in the agent's own format. */
    public boolean ocsf() {
        return ocsf;
    }

    public Type type() {
        return type;
    }

    public String path() {
        return path;
    }

    public long maxSizeBytes() {
        return maxSizeBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public boolean hashChain() {
        return hashChain;
    }

    public String url() {
        return url;
    }

    public String subject() {
        return subject;
    }

    /** A nats sink's connection and delivery settings; null for any other type. */
    public NatsSinkConfig nats() {
        return nats;
    }

    /** A file sink's HMAC key for a keyed hash chain ({@code hash_chain: {key: ...}}); null for SHA-256 or none. Never printed. */
    public String chainKey() {
        return chainKey;
    }

    /** Events between chain_head events of a keyed chain. */
    public int chainHeadEvery() {
        return chainHeadEvery;
    }

    /** An http sink's delivery settings; null for any other type. */
    public HttpSinkConfig http() {
        return http;
    }

    /** How the start-up line names it: {@code file:/var/log/primus/audit.jsonl}, {@code stdout}. */
    public String describe() {
        switch (type) {
            case FILE:
                return "file:" + path;
            case NATS:
                return "nats:" + withoutUserInfo(url) + "/" + subject;
            case HTTP:
                return "http:" + withoutUserInfo(url);
            case STDERR:
                return "stderr";
            default:
                return "stdout";
        }
    }

    /** A URL as logs may show it: without the user and password it may carry. */
    private static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceFirst("://[^/@]*@", "://");
    }
}
