package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendGridKeyDetectorTest {
    /** SG., a 22-char id, '.', a 43-char secret. */
    private static final String KEY = "SG.EXAMPLE_primus-tests01.EXAMPLE_secret-for-primus-tests-0123456789a";

    private final Masker masker = Masker.builder().detectors("sendgrid_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "SENDGRID_API_KEY={}",
        "{\"apiKey\":\"{}\",\"from\":\"noreply\"}",
        "Authorization: Bearer {}",
        "mail not sent: {} is revoked",
    })
    void masksTheKeyInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[SENDGRID_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SG.EXAMPLE_primus-tests0.EXAMPLE_secret-for-primus-tests-0123456789a", // 21-char id
        "SG.EXAMPLE_primus-tests01.EXAMPLE_secret-for-primus-tests-0123456789", // 42-char secret
        "SG.EXAMPLE_primus-tests01.EXAMPLE_secret-for-primus-tests-0123456789ab", // 44
        "SG.EXAMPLE_primus+tests01.EXAMPLE_secret-for-primus-tests-0123456789a", // '+' is not base64url
        "SG-EXAMPLE_primus-tests01.EXAMPLE_secret-for-primus-tests-0123456789a",
        "xSG.EXAMPLE_primus-tests01.EXAMPLE_secret-for-primus-tests-0123456789a",
        "SG.", "SG.com", "SGML",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
