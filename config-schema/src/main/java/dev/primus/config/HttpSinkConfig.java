package dev.primus.config;

/**
 * An {@code http} sink's delivery settings: batches of JSON lines POSTed to a collector (Vector,
 * Fluent Bit, an OpenTelemetry collector's HTTP input) or to Splunk's HTTP Event Collector.
 * {@code authorization} holds the header's value itself, usually from {@code ${file:...}}. Never printed.
 */
public final class HttpSinkConfig {
    public enum Format { PRIMUS, SPLUNK_HEC }

    public static final int DEFAULT_BUFFER = 65536;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final long DEFAULT_BATCH_BYTES = 1L << 20;
    public static final long DEFAULT_FLUSH_MILLIS = 1000;

    private final Format format;
    private final String authorization;
    private final String tlsCaFile;
    private final int buffer;
    private final int batchSize;
    private final long batchBytes;
    private final long flushMillis;

    HttpSinkConfig(Format format, String authorization, String tlsCaFile, int buffer, int batchSize, long batchBytes,
                   long flushMillis) {
        this.format = format;
        this.authorization = authorization;
        this.tlsCaFile = tlsCaFile;
        this.buffer = buffer;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.flushMillis = flushMillis;
    }

    public Format format() {
        return format;
    }

    /** The {@code Authorization} header's value ({@code Bearer ...}, {@code Splunk ...}), or null. */
    public String authorization() {
        return authorization;
    }

    /** A PEM file of the CA certificates that sign the collector's TLS certificate, or null. */
    public String tlsCaFile() {
        return tlsCaFile;
    }

    /** Events held while the collector cannot take them. */
    public int buffer() {
        return buffer;
    }

    /** Events per POST at most. */
    public int batchSize() {
        return batchSize;
    }

    /** Bytes per POST at most (one event larger than that goes alone). */
    public long batchBytes() {
        return batchBytes;
    }

    /** How long the first event of a batch waits for others before the batch is sent. */
    public long flushMillis() {
        return flushMillis;
    }
}
