package dev.primus.agent.masking;

/** What a style needs to know about the detector that found a value: its name and its masking rules. */
final class Detector {
    final String name;
    final String markerName;
    /** The redact marker, built once: redacting allocates nothing per value. */
    final String redacted;
    final boolean partialShowsTail;
    final boolean hashIgnoresSeparators;

    private Detector(String name, boolean partialShowsTail, boolean hashIgnoresSeparators) {
        this.name = name;
        this.markerName = name.toUpperCase(java.util.Locale.ROOT);
        this.redacted = "[" + markerName + "]";
        this.partialShowsTail = partialShowsTail;
        this.hashIgnoresSeparators = hashIgnoresSeparators;
    }

    /** This detector as used for a value that is a secret: style partial shows nothing of it. */
    Detector showingNothing() {
        return new Detector(name, false, hashIgnoresSeparators);
    }

    static Detector builtIn(BuiltInDetector detector) {
        return new Detector(detector.configName, detector.partialShowsTail, detector.hashIgnoresSeparators);
    }

    /**
     * A custom detector is fully redacted in style partial: whether its value is a secret is
     * unknown, and a shown tail could match the custom pattern again, breaking idempotence.
     */
    static Detector custom(String name) {
        return new Detector(name, false, false);
    }
}
