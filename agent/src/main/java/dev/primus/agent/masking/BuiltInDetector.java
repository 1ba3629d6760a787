package dev.primus.agent.masking;

/**
 * The built-in detectors, by config name. The ordinal is the detector's bit in the trigger
 * tables and its index in the counts, so the order is part of the engine: on a tie (same start,
 * same length) the earlier one names the value. At most {@link TriggerTable#MAX_DETECTORS}.
 */
enum BuiltInDetector {
    EMAIL("email", true, false),
    CREDIT_CARD("credit_card", true, true),
    US_SSN("us_ssn", true, true),
    PHONE("phone", true, true),
    IBAN("iban", true, true),
    AADHAAR("aadhaar", true, true),
    PAN("pan", true, false),
    IP_ADDRESS("ip_address", false, false),
    JWT("jwt", false, false),
    BEARER_TOKEN("bearer_token", false, false),
    AWS_ACCESS_KEY("aws_access_key", false, false),
    AWS_SECRET_KEY("aws_secret_key", false, false),
    STRIPE_KEY("stripe_key", false, false),
    GITHUB_TOKEN("github_token", false, false),
    SLACK_TOKEN("slack_token", false, false),
    SLACK_WEBHOOK("slack_webhook", false, false),
    GOOGLE_API_KEY("google_api_key", false, false),
    GITLAB_TOKEN("gitlab_token", false, false),
    NPM_TOKEN("npm_token", false, false),
    OPENAI_KEY("openai_key", false, false),
    ANTHROPIC_KEY("anthropic_key", false, false),
    HUGGINGFACE_TOKEN("huggingface_token", false, false),
    SENDGRID_KEY("sendgrid_key", false, false),
    TWILIO_KEY("twilio_key", false, false),
    AZURE_STORAGE_KEY("azure_storage_key", false, false),
    AZURE_SAS_SIGNATURE("azure_sas_signature", false, false),
    VENDOR_TOKEN("vendor_token", false, false),
    PRIVATE_KEY("private_key", false, false),
    URL_CREDENTIALS("url_credentials", false, false),
    // Last: a value it also finds (api_key=AIza...) is named by the detector that knows its kind.
    PASSWORD_KV("password_kv", false, false);

    final String configName;
    /**
     * Whether style partial may show the last four chars. True for personal data, where "card
     * ending 1111" is how support finds a record; false for secrets, where every char shown
     * narrows a brute force and nobody needs to recognise one, and for IP addresses, whose last
     * chars are the host part that identifies.
     */
    final boolean partialShowsTail;
    /** Whether style hash reads only letters and digits, so 4111-1111-... and 4111 1111 ... correlate. */
    final boolean hashIgnoresSeparators;

    BuiltInDetector(String configName, boolean partialShowsTail, boolean hashIgnoresSeparators) {
        this.configName = configName;
        this.partialShowsTail = partialShowsTail;
        this.hashIgnoresSeparators = hashIgnoresSeparators;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The detector with this config name, or null. */
    static BuiltInDetector named(String configName) {
        for (BuiltInDetector detector : values()) {
            if (detector.configName.equals(configName)) {
                return detector;
            }
        }
        return null;
    }

    static String configNames() {
        StringBuilder names = new StringBuilder();
        for (BuiltInDetector detector : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(detector.configName);
        }
        return names.toString();
    }
}
