package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicKeyDetectorTest {
    private static final String PART = "EXAMPLE-primus_tests-0123456789";
    private static final String BODY_93 = PART + PART + PART;
    /** sk-ant-api03-, 93 base64url chars, AA. */
    private static final String KEY = "sk-ant-api03-" + BODY_93 + "AA";

    private final Masker masker = Masker.builder().detectors("anthropic_key").build();

    @ParameterizedTest
    @ValueSource(strings = {"sk-ant-api03-" + BODY_93 + "AA", "sk-ant-admin01-" + BODY_93 + "AA"})
    void masksApiAndAdminKeys(String key) {
        assertEquals("key [ANTHROPIC_KEY] ok", masker.mask("key " + key + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "ANTHROPIC_API_KEY={}",
        "{\"apiKey\":\"{}\",\"model\":\"claude\"}",
        "x-api-key: {}",
        "the request with {} was rejected",
    })
    void masksTheKeyInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[ANTHROPIC_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-ant-api03-" + "EXAMPLE-primus_tests-0123456789" + "AA", // short body
        "sk-ant-api03-" + BODY_93 + "AAA", // one char too many
        "sk-ant-api03-" + BODY_93 + "AB", // does not end in AA
        "sk-ant-api03-" + PART + "EXAMPLE-primus.tests-0123456789" + PART + "AA", // '.' is not base64url
        "sk-ant-api-" + BODY_93 + "AA", // no version
        "xsk-ant-api03-" + BODY_93 + "AA",
        "sk-ant-api03-", "sk-ant-", "sk-antelope",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
