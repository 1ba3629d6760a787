package dev.primus.config;

/** One thing wrong with a config file, printed as {@code FILE:LINE: path.to.key: what is wrong}. */
public final class ConfigError {
    private final String file;
    private final int line;
    private final String path;
    private final String message;

    public ConfigError(String file, int line, String path, String message) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.message = message;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the error concerns the whole file. */
    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + path + ": " + message;
    }
}
