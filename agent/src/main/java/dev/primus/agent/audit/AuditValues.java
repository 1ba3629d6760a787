package dev.primus.agent.audit;

import dev.primus.agent.masking.Masker;

/**
 * What an event may take from a request's path. A path can hold a secret, a Slack or Discord
 * webhook's token, a bot token, a JWT, a customer's e-mail; the trail is shipped to fleet
 * pipelines, and holds no secret. So a path is masked by the built-in detectors before it is
 * written, whatever {@code logging.masking} says: a value found is replaced by its marker
 * ({@code /services/[SLACK_WEBHOOK]}). A clean path is returned as it is.
 */
public final class AuditValues {
    private AuditValues() {
    }

    /** {@code text} with every secret or personal value the default detectors find replaced by its marker; null for null. */
    public static String withoutSecrets(String text) {
        return text == null ? null : DefaultMasker.MASKER.mask(text);
    }

    /** Built at the first path written, not at start-up. */
    private static final class DefaultMasker {
        static final Masker MASKER = Masker.builder().build();
    }
}
