package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleApiKeyDetectorTest {
    /** AIza and 35 base64url chars. */
    private static final String KEY = "AIzaSyD-EXAMPLE_key_for_primus_tests_00";

    private final Masker masker = Masker.builder().detectors("google_api_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "GOOGLE_API_KEY={}",
        "{\"apiKey\":\"{}\",\"projectId\":\"demo\"}",
        "GET https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key={} HTTP/1.1",
        "X-Goog-Api-Key: {}",
        "geocoding failed with key {}, quota exceeded",
    })
    void masksTheKeyInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[GOOGLE_API_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AIzaSyD-EXAMPLE_key_for_primus_tests_0", // 34 chars after AIza
        "AIzaSyD-EXAMPLE_key_for_primus_tests_000", // 36
        "AIzaSyD-EXAMPLE.key_for_primus_tests_00", // '.' is not base64url
        "AIzbSyD-EXAMPLE_key_for_primus_tests_00", "xAIzaSyD-EXAMPLE_key_for_primus_tests_00",
        "AIza", "Aizawl", "AIzaSyD",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
