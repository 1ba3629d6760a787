package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenDetectorTest {
    private final Masker masker = Masker.builder().detectors("bearer_token").build();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
    void masksTheTokenAndKeepsTheWordBearerInAnyCase(String word) {
        assertEquals("Authorization: " + word + " [BEARER_TOKEN]",
                masker.mask("Authorization: " + word + " abcDEF0123456789-._~+/xyz=="));
    }

    @Test
    void masksAJwtSentAsBearerToken() {
        assertEquals("Bearer [BEARER_TOKEN]", masker.mask("Bearer " + JwtDetectorTest.JWT));
    }

    /**
     * RFC 7617's examples: {@code Aladdin:open sesame} (section 2) and {@code test:123£} in UTF-8
     * (section 2.1); and {@code user:hunter2}, as a client library builds its header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "dGVzdDoxMjPCow==", "dXNlcjpodW50ZXIy"})
    void masksABasicCredentialWhereverTheSchemeIsWritten(String credential) {
        for (String form : new String[] {"{}", "Basic {}", "sending Basic {} to the billing API",
            "{\"headers\":{\"authorization\":[\"Basic {}\"]}}", "proxy-authorization=BASIC {}", "auth: basic  {}"}) {
            String text = form.equals("{}") ? credential : form.replace("{}", credential);
            String expected = form.equals("{}") ? credential : form.replace("{}", "[BEARER_TOKEN]");
            assertEquals(expected, masker.mask(text), form);
        }
    }

    /** A word after Basic that is no base64 of user:password: the word's other uses. */
    @ParameterizedTest
    @ValueSource(strings = {"Basic authentication required", "WWW-Authenticate: Basic realm=\"api\"",
        "Basic dXNlcg==", // "user": no ':'
        "Basic YWJjZGVmZ2g=", // "abcdefgh"
        "Basic dXNlcjpodW50ZXIy1", // not a multiple of 4
        "Basic AAECAwQFBgc6", // control bytes
        "Basic Information", "basic auth on port 8080", "xBasic dXNlcjpodW50ZXIy"})
    void leavesAWordAfterBasicThatIsNoCredential(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"the bearer of this letter", "Bearer short", "Bearer", "xBearer abcdefghijklmnopqrstuvwxyz"})
    void leavesTheWordAloneWithoutALongToken(String text) {
        assertEquals(text, masker.mask(text));
    }
}
