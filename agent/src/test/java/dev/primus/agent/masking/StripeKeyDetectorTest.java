package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeKeyDetectorTest {
    private final Masker masker = Masker.builder().detectors("stripe_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "sk_live_abcdefghijklmnop1234", "sk_test_ABCDEFGHIJKLMNOP", "rk_live_0123456789abcdef", "rk_test_0123456789abcdefXYZ",
        "pk_live_0123456789abcdef", "whsec_0123456789abcdefghijABCDEFGHIJ",
    })
    void masksApiKeysAndWebhookSecrets(String key) {
        assertEquals("using [STRIPE_KEY] now", masker.mask("using " + key + " now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_short", "sk_prod_abcdefghijklmnop1234", "ask_live_abcdefghijklmnop1234", "whsec_"})
    void leavesOtherStringsAlone(String text) {
        assertEquals("using " + text + " now", masker.mask("using " + text + " now"));
    }
}
