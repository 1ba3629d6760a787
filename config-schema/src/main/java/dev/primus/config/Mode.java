package dev.primus.config;

import java.util.Locale;

/** What a module does with a decision: act on it, only audit it, or not run at all. */
public enum Mode {
    ENFORCE, MONITOR, OFF;

    static Mode parse(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** The word the config file uses. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
