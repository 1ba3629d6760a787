package dev.primus.agent.auth;

import java.util.Locale;

/** How a caller proved who it is: the words of {@code any_of} in a rule, and of audit events. */
public enum CredentialKind {
    JWT("jwt"),
    API_KEY("api_key"),
    /** A signed webhook delivery; named by {@code require: { webhook: ID }}, never in {@code any_of}. */
    WEBHOOK("webhook");

    private final String word;

    CredentialKind(String word) {
        this.word = word;
    }

    /** The word in the config file and in audit events. */
    public String word() {
        return word;
    }

    /**
     * The kind a config word names.
     *
     * @throws IllegalArgumentException naming the word and the words allowed
     */
    public static CredentialKind fromWord(String word) {
        String lowerCase = word == null ? "" : word.toLowerCase(Locale.ROOT);
        for (CredentialKind kind : values()) {
            if (kind.word.equals(lowerCase)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown credential \"" + word + "\"; use jwt or api_key");
    }
}
