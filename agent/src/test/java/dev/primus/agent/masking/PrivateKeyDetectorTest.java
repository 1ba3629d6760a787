package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
        String pem = "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEF-----END PRIVATE KEY-----";
        assertEquals("[PRIVATE_KEY] and [PRIVATE_KEY]", masker.mask(pem + " and " + pem));
    }

    /** strongSwan logs a key file's BEGIN and END lines as records, the key as a hex dump after: markers, no key. */
    @ParameterizedTest
    @ValueSource(strings = {"Dec  7 18:14:19 15[ASN]   -----BEGIN PRIVATE KEY-----",
        "15[ASN]   -----BEGIN PRIVATE KEY-----\nDec  7 18:14:19 15[ASN]   -----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY----- -----END RSA PRIVATE KEY-----"})
    void leavesABlockWithNoKeyLineAlone(String text) {
        assertEquals(LineBreaksText.escaped(text), masker.mask(text));
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

    /**
     * Keys the JDK's own generators make, an implementation apart from the detector's prefixes:
     * the private key's PKCS#8 DER in base64 is masked in every written form, the public key's
     * X.509 DER never. PKCS#1 RSA and SEC1 EC, which the JDK does not write, are the octet string
     * inside the PKCS#8, read here by DER's own rules.
     */
    @Test
    void masksABareDerPrivateKeyTheJdkMadeAndLeavesItsPublicKey() throws GeneralSecurityException {
        List<KeyPair> pairs = new ArrayList<>();
        for (int bits : new int[] {1024, 2048, 4096}) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(bits);
            pairs.add(rsa.generateKeyPair());
        }
        for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec(curve));
            pairs.add(ec.generateKeyPair());
        }
        pairs.add(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        pairs.add(KeyPairGenerator.getInstance("X25519").generateKeyPair());
        for (KeyPair pair : pairs) {
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            List<byte[]> keys = new ArrayList<>();
            keys.add(pkcs8);
            String algorithm = pair.getPrivate().getAlgorithm();
            if (algorithm.equals("RSA") || algorithm.equals("EC")) {
                keys.add(innerKey(pkcs8));
            }
            for (byte[] key : keys) {
                String text = Base64.getEncoder().encodeToString(key);
                for (String form : new String[] {"{}", "JWT_PRIVATE_KEY={}", "{\"privateKey\":\"{}\"}", "key: {}",
                    "loaded the signing key {} from the vault"}) {
                    assertEquals(form.replace("{}", "[PRIVATE_KEY]"), masker.mask(form.replace("{}", text)), algorithm);
                }
            }
            String publicKey = "publicKey=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            assertEquals(publicKey, masker.mask(publicKey), algorithm);
        }
    }

    /** The content of PKCS#8's privateKey octet string: the sequence's third element. */
    private static byte[] innerKey(byte[] pkcs8) {
        int at = headerLength(pkcs8, 0); // into the outer sequence
        at += headerLength(pkcs8, at) + contentLength(pkcs8, at); // past the version
        at += headerLength(pkcs8, at) + contentLength(pkcs8, at); // past the algorithm
        int content = at + headerLength(pkcs8, at);
        return java.util.Arrays.copyOfRange(pkcs8, content, content + contentLength(pkcs8, at));
    }

    private static int headerLength(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        return first < 0x80 ? 2 : 2 + (first & 0x7F);
    }

    private static int contentLength(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = length << 8 | der[at + 2 + i] & 0xFF;
        }
        return length;
    }

    /** Keys as OpenSSL 3 writes them: an encrypted PKCS#8 (PBES2) and SEC1 EC with the public key, P-256, P-384, P-521. */
    @ParameterizedTest
    @ValueSource(strings = {
        "MIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI", "MHcCAQEEIJ16KkFKzixHkfxB0xHeqdKH",
        "MIGkAgEBBDBw/Z6MZ6kBwxK+G1o8OB68", "MIHcAgEBBEIBm0YpRk8XrGq2Q1t5n5Y4",
    })
    void masksTheKeysOpenSslWrites(String head) {
        String text = "key=" + head + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOp==, next";
        assertEquals("key=[PRIVATE_KEY], next", masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MIIC+TCCAeGgAwIBAgIUH3xFguqHDQUFaD+dtKIdAbCdEfGhIjKlMnOpQrStUvWxYz0123456789", // a certificate
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE01BsAbCdEfGhIjKlMnOpQrStUvWxYz0123456789", // an EC public key
        "MCowBQYDK2VwAyEAJZIUIEhhTBHNQ/qSBWqkAbCdEfGhIjKlMnOpQrStUvWxYz0123456789", // an Ed25519 public key
        "MIIEpQIBAAKC", // too short for a key
        "xMIIEpQIBAAKCAQEApDu5YFwiVU9sPfEQAbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd", // inside a word
        "MIT licence, MINIMUM 3, MHz 42, MC4 MIIB",
    })
    void leavesOtherWordsStartingWithMAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
