package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackTokenDetectorTest {
    private final Masker masker = Masker.builder().detectors("slack_token").build();

    @ParameterizedTest
    @ValueSource(strings = {"xoxb-1234567890-abcdefghij", "xoxp-1-2-3-abcdefghij", "xoxa-2-abcdefghijk", "xoxr-abcdefghij",
        "xoxs-0123456789"})
    void masksSlackTokens(String token) {
        assertEquals("slack [SLACK_TOKEN] ok", masker.mask("slack " + token + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xoxb-short", "xoxz-1234567890-abcdefghij", "axoxb-1234567890-abcdefghij", "xoxb_1234567890abcdefghij"})
    void leavesOtherStringsAlone(String text) {
        assertEquals("slack " + text + " ok", masker.mask("slack " + text + " ok"));
    }
}
