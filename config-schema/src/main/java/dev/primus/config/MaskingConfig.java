package dev.primus.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The {@code logging.masking} section. */
public final class MaskingConfig {
    private final Mode mode;
    private final List<String> detectors;
    private final String style;
    private final String hashKey;
    private final Map<String, String> custom;

    MaskingConfig(Mode mode, List<String> detectors, String style, String hashKey, Map<String, String> custom) {
        this.mode = mode;
        this.detectors = Collections.unmodifiableList(detectors);
        this.style = style;
        this.hashKey = hashKey;
        this.custom = Collections.unmodifiableMap(custom);
    }

    public Mode mode() {
        return mode;
    }

    /** The built-in detectors that run, by their config names. */
    public List<String> detectors() {
        return detectors;
    }

    /** {@code redact}, {@code partial} or {@code hash}. */
    public String style() {
        return style;
    }

    /** The HMAC key for style hash; a secret, never printed. Null unless set. */
    public String hashKey() {
        return hashKey;
    }

    /** Custom detectors: name to RE2 pattern, in file order. */
    public Map<String, String> custom() {
        return custom;
    }
}
