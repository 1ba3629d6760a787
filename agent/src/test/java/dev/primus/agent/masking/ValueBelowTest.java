package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A credential printed alone under the line that names it ({@link ValueBelow}), as servers print their first one. */
class ValueBelowTest {
    /** Jenkins' SetupWizard, as it logs the generated admin password at its first start (one message, through JUL). */
    private static final String JENKINS = "\n\n*************************************************************\n\n"
            + "Jenkins initial setup is required. An admin user has been created and a password generated.\n"
            + "Please use the following password to proceed to installation:\n\n"
            + "%s\n\n"
            + "This may also be found at: /var/jenkins_home/secrets/initialAdminPassword\n\n"
            + "*************************************************************\n";
    /** Elasticsearch 8's first start: the elastic user's password and Kibana's enrollment token. */
    private static final String ELASTICSEARCH = "Elasticsearch security features have been automatically configured!\n"
            + "Authentication is enabled and cluster connections are encrypted.\n\n"
            + "Password for the elastic user (reset with `bin/elasticsearch-reset-password -u elastic`):\n"
            + "  %s\n\n"
            + "HTTP CA certificate SHA-256 fingerprint:\n"
            + "  a52dd93511e8c6045e21f16654b77c9ee0f34aea26d9f40320b531c474676228\n\n"
            + "Configure Kibana to use this cluster:\n"
            + "Copy the following enrollment token and paste it into Kibana in your browser"
            + " (valid for the next 30 minutes):\n"
            + "  %s\n";
    private static final String ENROLLMENT_TOKEN = "eyJ2ZXIiOiI4LjE0LjAiLCJhZHIiOlsiMTcyLjE4LjAuMjo5MjAwIl0sImZnciI6Ij"
            + "Q4YTU1ZGQ5MzUxMWU4YzYwNDUiLCJrZXkiOiJYazltUDJxTHc4elQ0dlI3bkIzYzpGcTJ0Ql85eCJ9";

    private final Masker masker = Masker.builder().build();

    @Test
    void masksJenkinsInitialAdminPasswordAndKeepsTheBanner() {
        String message = String.format(JENKINS, "5d1c8e2c9b8a4f6e8d7c6b5a4f3e2d1c");
        assertEquals(String.format(JENKINS, "[PASSWORD_KV]"), masker.maskMessage(message, null, new Object[0]));
    }

    @Test
    void masksElasticsearchsPasswordAndEnrollmentTokenButNotTheFingerprint() {
        String message = String.format(ELASTICSEARCH, "Fq2tB_9x*Kp3LmZ7wQe1", ENROLLMENT_TOKEN);
        assertEquals(String.format(ELASTICSEARCH, "[PASSWORD_KV]", "[PASSWORD_KV]"),
                masker.maskMessage(message, null, new Object[0]));
    }

    @Test
    void readsEscapedLineBreaksAsWell() {
        String message = "Please use the following password to proceed to installation:\n\n"
                + "5d1c8e2c9b8a4f6e8d7c6b5a4f3e2d1c\n\nThis may also be found at: /var/jenkins_home";
        assertEquals("Please use the following password to proceed to installation:\\n\\n[PASSWORD_KV]\\n\\n"
                + "This may also be found at: /var/jenkins_home", masker.mask(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Users whose password expired:\n  alice2024\n  bob2025\n", // a list, not a value
        "Password policy:\n  minLength=8\n\n", // a setting
        "Password rules:\n  must hold 8 chars\n\n", // prose
        "Reset your password here:\n  https://example.com/reset?id=42\n\n", // a link
        "password expired for these users: see below\n  alice2024\n\n", // the line does not end with ':'
        "token:\n  MyAppSessionToken2024\n\n", // a name, not a credential
        "Cache key:\n  7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8\n\n", // a key that is data
    })
    void leavesWhatIsNoLoneCredential(String message) {
        assertEquals(message, masker.maskMessage(message, null, new Object[0]));
    }
}
