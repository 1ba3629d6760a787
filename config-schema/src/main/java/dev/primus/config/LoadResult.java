package dev.primus.config;

import java.util.Collections;
import java.util.List;

/** What loading a config file gave: a valid config, or the errors that keep it from being one. */
public final class LoadResult {
    private final PrimusConfig config;
    private final List<ConfigError> errors;
    private final boolean failClosed;

    private LoadResult(PrimusConfig config, List<ConfigError> errors, boolean failClosed) {
        this.config = config;
        this.errors = Collections.unmodifiableList(errors);
        this.failClosed = failClosed;
    }

    static LoadResult valid(PrimusConfig config) {
        return new LoadResult(config, Collections.<ConfigError>emptyList(), config.failClosed());
    }

    /** A config that parsed but cannot be used: errors found after loading, by the engine that binds it. */
    public static LoadResult invalid(List<ConfigError> errors, boolean failClosed) {
        return new LoadResult(null, errors, failClosed);
    }

    public boolean isValid() {
        return config != null;
    }

    /** The config; only when {@link #isValid()}. */
    public PrimusConfig config() {
        if (config == null) {
            throw new IllegalStateException("the config is invalid: " + errors);
        }
        return config;
    }

    /** Every error, in file order per check. Empty when valid. */
    public List<ConfigError> errors() {
        return errors;
    }

    /**
     * Whether the file asked for {@code on_config_error: fail_closed}; honoured even when the
     * rest of the file is invalid, or not YAML at all.
     */
    public boolean failClosed() {
        return failClosed;
    }
}
