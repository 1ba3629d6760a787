package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyDetectorTest {
    private final Masker masker = Masker.builder().detectors("private_key").build();

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
