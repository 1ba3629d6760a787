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

    @ParameterizedTest
    @ValueSource(strings = {"the bearer of this letter", "Bearer short", "Bearer", "xBearer abcdefghijklmnopqrstuvwxyz"})
    void leavesTheWordAloneWithoutALongToken(String text) {
        assertEquals(text, masker.mask(text));
    }
}
