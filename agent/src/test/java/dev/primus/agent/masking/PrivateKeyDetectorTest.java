package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyDetectorTest {
    private final Masker masker = Masker.builder().detectors("private_key").build();

    /** A PEM block in base64, encoded here with the JDK's encoder: what a Kubernetes Secret's data holds. */
    private static String encoded(String label) {
        String pem = "-----BEGIN " + label + "-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "-----END " + label + "-----\n";
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"})
    void masksAPrivateKeysPemBlockInBase64InEveryWrittenForm(String label) {
        String key = encoded(label);
        for (String form : new String[] {"{}", "TLS_KEY={}", "{\"data\":{\"tls.key\":\"{}\"}}", "tls.key: {}",
            "loaded the key {} from the secret"}) {
            assertEquals(form.replace("{}", "[PRIVATE_KEY]"), masker.mask(form.replace("{}", key)), form);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CERTIFICATE", "PUBLIC KEY", "CERTIFICATE REQUEST"})
    void leavesAPublicPemBlockInBase64Alone(String label) {
        String text = "{\"tls.crt\":\"" + encoded(label) + "\"}";
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSN 42 and LSB first", "LS0tLS1CRUdJTi", "xLS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t",
        "LS0tLS1CRUdJTiBQUklWQVRFIEtF%%%"})
    void leavesOtherWordsStartingWithLsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PRIVATE KEY",
        "PGP PRIVATE KEY BLOCK"})
    void masksTheWholePemBlock(String label) {
        String pem = "-----BEGIN " + label + "-----\nMIIEowIBAAKCAQEA7v+q\nAbCd==\n-----END " + label + "-----";
        assertEquals("key: [PRIVATE_KEY] loaded", masker.mask("key: " + pem + " loaded"));
    }

    @Test
    void masksToTheEndOfTheMessageWhenTheEndLineIsMissing() {
        assertEquals("key: [PRIVATE_KEY]", masker.mask("key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7v+q truncated"));
    }

    @Test
    void masksEachOfTwoBlocks() {
        String pem = "-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----";
        assertEquals("[PRIVATE_KEY] and [PRIVATE_KEY]", masker.mask(pem + " and " + pem));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
        "---------- section ----------",
    })
    void leavesCertificatesAndPublicKeysAlone(String text) {
        assertEquals(LineBreaksText.escaped(text), masker.mask(text));
    }

    /** The text as the masker writes it: line breaks as \n. */
    static final class LineBreaksText {
        static String escaped(String text) {
            return text.replace("\n", "\\n");
        }
    }
}
