package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OverlapTest {
    private final Masker masker = Masker.builder().build();

    /** A value found once is masked where it stands again as a word of its own; a short one, or inside a word, is not. */
    @Test
    void aValueFoundIsMaskedWhereItRepeats() {
        assertEquals("password=[PASSWORD_KV] then [PASSWORD_KV]. and Xk9mP2qLw8zTx",
                masker.mask("password=Xk9mP2qLw8zT then Xk9mP2qLw8zT. and Xk9mP2qLw8zTx"));
        assertEquals("pin=[PASSWORD_KV] order 4821", masker.mask("pin=4821 order 4821"));
    }

    @Test
    void theLongerValueWinsWhenTwoStartTogether() {
        assertEquals("[EMAIL]", masker.mask("4111111111111111@example.com"));
    }

    @Test
    void theEarlierValueNamesOverlappingValuesAndCoversThemAll() {
        Masker custom = Masker.builder().detectors("email").custom("tail", "example\\.com and more").build();
        assertEquals("[EMAIL] left", custom.mask("john@example.com and more left"));
    }

    @Test
    void aNumberRunningPastAPasswordValueIsMaskedWithIt() {
        assertEquals("token: [PASSWORD_KV] ok", masker.mask("token: id=4111 1111 1111 1111 ok"));
    }

    @Test
    void aValueThatIsAlsoAPasswordValueShowsNothingInStylePartial() {
        Masker partial = Masker.builder().style("partial").build();
        assertEquals("token: [CREDIT_CARD]", partial.mask("token: 4111111111111111"));
    }

    @Test
    void aSpecificDetectorNamesAValueAnotherAlsoFound() {
        assertEquals("Authorization: Bearer [BEARER_TOKEN]",
                masker.mask("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123"));
    }

    @Test
    void theDetectorThatKnowsTheKindNamesASecretKeyValue() {
        assertEquals("aws_secret_key=[AWS_SECRET_KEY] ok", masker.mask("aws_secret_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok"));
        assertEquals("api_key=[GOOGLE_API_KEY]", masker.mask("api_key=AIzaSyD-EXAMPLE_key_for_primus_tests_00"));
    }

    @Test
    void neverMasksInsideAMarker() {
        assertEquals("password=[PASSWORD_KV]", masker.mask("password=[PASSWORD_KV]"));
    }

    @Test
    void stopsAValueWhereOneOfOurMarkersBegins() {
        assertEquals("password=[PASSWORD_KV][EMAIL]", masker.mask("password=abc[EMAIL]"));
    }

    @Test
    void scansABracketedWordThatIsNotOneOfOurMarkers() {
        assertEquals("keys=[[AWS_ACCESS_KEY]]", masker.mask("keys=[AKIAIOSFODNN7EXAMPLE]"));
    }
}
