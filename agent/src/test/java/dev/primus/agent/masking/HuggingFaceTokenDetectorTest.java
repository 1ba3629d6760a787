package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HuggingFaceTokenDetectorTest {
    /** hf_ and 34 letters. */
    private static final String TOKEN = "hf_EXAMPLEprimusTestsOnlyabcdefghijkl";
    /** An organization API token: api_org_ and 34 letters. */
    private static final String ORGANIZATION_TOKEN = "api_org_EXAMPLEprimusTestsOnlyabcdefghijkl";

    private final Masker masker = Masker.builder().detectors("huggingface_token").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "HF_TOKEN={}",
        "{\"token\":\"{}\",\"repo\":\"org/model\"}",
        "Authorization: Bearer {}",
        "download of the model with {} was refused",
    })
    void masksTheTokenInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[HUGGINGFACE_TOKEN]"), masker.mask(form.replace("{}", TOKEN)));
        assertEquals(form.replace("{}", "[HUGGINGFACE_TOKEN]"), masker.mask(form.replace("{}", ORGANIZATION_TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hf_EXAMPLEprimusTestsOnlyabcdefghijk", // 33 letters
        "hf_EXAMPLEprimusTestsOnlyabcdefghijklm", // 35
        "hf_EXAMPLEprimusTestsOnly0bcdefghijkl", // a digit: not the alphabet
        "hf_EXAMPLEprimusTestsOnlyabcdefghijkl_x", "xhf_EXAMPLEprimusTestsOnlyabcdefghijkl",
        "hf_", "hf_hub_download", "hf_transfer",
        "api_org_EXAMPLEprimusTestsOnlyabcdefghijk", // 33 letters
        "api_org_EXAMPLEprimusTestsOnly0bcdefghijkl", "xapi_org_EXAMPLEprimusTestsOnlyabcdefghijkl",
        "api_org_name", "my_api_org_EXAMPLEprimusTestsOnlyabcdefghijkl",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
