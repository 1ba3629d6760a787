package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiKeyDetectorTest {
    private static final String PART = "EXAMPLE-primus_tests-0123456789";
    /** The two lengths of each half of a project or service-account key around the marker. */
    private static final String HALF_74 = PART + PART + "EXAMPLE-prim";
    private static final String HALF_58 = PART + "EXAMPLE-primus_tests-012345";
    /** sk-, 20, the marker T3BlbkFJ ("OpenAI" in base64), 20. */
    private static final String LEGACY = "sk-EXAMPLEprimusTests01T3BlbkFJEXAMPLEprimusTests02";

    private final Masker masker = Masker.builder().detectors("openai_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        LEGACY,
        "sk-proj-" + HALF_74 + "T3BlbkFJ" + HALF_74,
        "sk-svcacct-" + HALF_58 + "T3BlbkFJ" + HALF_58,
        "sk-admin-" + HALF_58 + "T3BlbkFJ" + HALF_58,
    })
    void masksLegacyProjectServiceAccountAndAdminKeys(String key) {
        assertEquals("key [OPENAI_KEY] ok", masker.mask("key " + key + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "OPENAI_API_KEY={}",
        "{\"api_key\":\"{}\",\"model\":\"gpt-4o\"}",
        "Authorization: Bearer {}",
        "the client was built with {} and got 401",
    })
    void masksTheKeyInEveryWrittenForm(String form) {
        String key = "sk-proj-" + HALF_74 + "T3BlbkFJ" + HALF_74;
        assertEquals(form.replace("{}", "[OPENAI_KEY]"), masker.mask(form.replace("{}", key)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-EXAMPLEprimusTests01EXAMPLEprimusTests02abcdefgh", // no marker: some other vendor's sk- key
        "sk-EXAMPLEprimus01T3BlbkFJEXAMPLEprimusTests02", // 18 chars before the marker
        "sk-EXAMPLEprimusTests01T3BlbkFJEXAMPLEprimus02", // 18 after
        "sk-EXAMPLEprimusTests01t3blbkfjEXAMPLEprimusTests02", // the marker in the wrong case
        "sk-EXAMPLEprimusTests01T3BlbkFJEXAMPLE.primusTests02", // '.' cuts the key short
        "xsk-EXAMPLEprimusTests01T3BlbkFJEXAMPLEprimusTests02", "sk_EXAMPLEprimusTests01T3BlbkFJEXAMPLEprimusTests02",
        "sk-", "sk-learn", "T3BlbkFJ",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
