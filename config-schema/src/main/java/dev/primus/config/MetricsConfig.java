package dev.primus.config;

/** The {@code metrics} section. */
public final class MetricsConfig {
    private final int prometheusPort;
    private final String bind;

    MetricsConfig(int prometheusPort, String bind) {
        this.prometheusPort = prometheusPort;
        this.bind = bind;
    }

    /** The port of {@code GET /metrics}, or 0 when the endpoint is off. */
    public int prometheusPort() {
        return prometheusPort;
    }

    /** The address it listens on; 127.0.0.1 unless set. */
    public String bind() {
        return bind;
    }
}
