package dev.primus.agent.boot;

import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.io.File;

/**
 * Which config file the agent uses, in the contract's order: the agent argument
 * {@code config=}, {@code -Dprimus.config}, {@code PRIMUS_CONFIG}, else the embedded default.
 */
final class ConfigSource {
    private final String path;
    private final String foundBy;

    private ConfigSource(String path, String foundBy) {
        this.path = path;
        this.foundBy = foundBy;
    }

    static ConfigSource locate(String argument, String systemProperty, String environment) {
        if (notBlank(argument)) {
            return new ConfigSource(argument, "agent argument config=");
        }
        if (notBlank(systemProperty)) {
            return new ConfigSource(systemProperty, "-Dprimus.config");
        }
        if (notBlank(environment)) {
            return new ConfigSource(environment, "PRIMUS_CONFIG");
        }
        return new ConfigSource(null, "no config named");
    }

    LoadResult load(ConfigLoader loader) {
        return path == null ? loader.loadEmbeddedDefault() : loader.load(new File(path));
    }

    /** What named the file, for the start-up line and error messages. */
    String foundBy() {
        return foundBy;
    }

    /** The config file, or null for the embedded default. */
    File file() {
        return path == null ? null : new File(path);
    }

    boolean isEmbeddedDefault() {
        return path == null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.trim().isEmpty();
    }
}
