package dev.primus.config;

/**
 * A {@code nats} sink's connection and delivery settings. Secrets ({@code creds}, {@code nkey_seed},
 * {@code token}, {@code password}) hold the text itself, usually from {@code ${file:...}}; null
 * where not set. Never printed.
 */
public final class NatsSinkConfig {
    /** Events a nats sink holds while the server is away before it drops and counts. */
    public static final int DEFAULT_BUFFER = 65536;

    private final String creds;
    private final String nkeySeed;
    private final String token;
    private final String user;
    private final String password;
    private final String tlsCaFile;
    private final boolean createStream;
    private final String stream;
    private final int buffer;

    NatsSinkConfig(String creds, String nkeySeed, String token, String user, String password, String tlsCaFile,
                   boolean createStream, String stream, int buffer) {
        this.creds = creds;
        this.nkeySeed = nkeySeed;
        this.token = token;
        this.user = user;
        this.password = password;
        this.tlsCaFile = tlsCaFile;
        this.createStream = createStream;
        this.stream = stream;
        this.buffer = buffer;
    }

    /** A NATS credentials file's text: the user JWT and its NKey seed. */
    public String creds() {
        return creds;
    }

    /** An NKey seed ({@code SU...}) for NKey authentication without a JWT. */
    public String nkeySeed() {
        return nkeySeed;
    }

    public String token() {
        return token;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A PEM file of the CA certificates that sign the server's TLS certificate. */
    public String tlsCaFile() {
        return tlsCaFile;
    }

    /** Whether the agent may create the stream when none captures the subject; never by default. */
    public boolean createStream() {
        return createStream;
    }

    /** The stream to create with {@link #createStream()}. */
    public String stream() {
        return stream;
    }

    /** Events held while the server cannot take them. */
    public int buffer() {
        return buffer;
    }
}
