package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTokenDetectorTest {
    private final Masker masker = Masker.builder().detectors("slack_token").build();

    @ParameterizedTest
    @ValueSource(strings = {"xoxb-1234567890-abcdefghij", "xoxp-1-2-3-abcdefghij", "xoxa-2-abcdefghijk", "xoxr-abcdefghij",
        "xoxs-0123456789", "xoxe-1-abcdefghij0123456789",
        "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef"})
    void masksSlackTokens(String token) {
        assertEquals("slack [SLACK_TOKEN] ok", masker.mask("slack " + token + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "SLACK_APP_TOKEN={}",
        "{\"appToken\":\"{}\",\"socketMode\":true}",
        "Authorization: Bearer {}",
        "socket mode opened with {} at start-up",
    })
    void masksAnAppLevelTokenInEveryWrittenForm(String form) {
        String token = "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef";
        assertEquals(form.replace("{}", "[SLACK_TOKEN]"), masker.mask(form.replace("{}", token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xoxb-short", "xoxz-1234567890-abcdefghij", "axoxb-1234567890-abcdefghij", "xoxb_1234567890abcdefghij",
        "xapp-short", "xapps-1-A0123456789-1234567890123", "xapp-"})
    void leavesOtherStringsAlone(String text) {
        assertEquals("slack " + text + " ok", masker.mask("slack " + text + " ok"));
    }
}
