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

    /** An OAuth 2.0 access token's shape: ya29. and base64url chars (made up; real ones run to about 200). */
    private static final String ACCESS_TOKEN = "ya29.a0AfB_byC-EXAMPLE_token_for_primus_tests_0123456789abcdefXYZ";

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "GOOGLE_OAUTH_ACCESS_TOKEN={}",
        "{\"access_token\":\"{}\",\"expires_in\":3599,\"token_type\":\"Bearer\"}",
        "GET https://www.googleapis.com/oauth2/v3/tokeninfo?access_token={} HTTP/1.1",
        "Authorization: Bearer {}",
        "refreshed the credentials, now {} until 10:42",
    })
    void masksAnOAuthAccessTokenInEveryWrittenForm(String form) {
        String masked = masker.mask(form.replace("{}", ACCESS_TOKEN));
        assertEquals(form.replace("{}", "[GOOGLE_API_KEY]"), masked);
    }

    /** An OAuth client secret's shape: GOCSPX- and 28 base64url chars (made up). */
    private static final String CLIENT_SECRET = "GOCSPX-EXAMPLE_secret-for-primus_00";

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "GOOGLE_CLIENT_SECRET={}",
        "{\"web\":{\"client_id\":\"123.apps.googleusercontent.com\",\"client_secret\":\"{}\"}}",
        "POST /token grant_type=authorization_code&client_secret={}&code=4%2F0A",
        "loaded the OAuth client with {} from the vault",
    })
    void masksAnOAuthClientSecretInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[GOOGLE_API_KEY]"), masker.mask(form.replace("{}", CLIENT_SECRET)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GOCSPX-EXAMPLE_secret-for-primus_0", "GOCSPX-EXAMPLE_secret-for-primus_000", // 27, 29
        "GOCSPX-EXAMPLE.secret-for-primus_00", "xGOCSPX-EXAMPLE_secret-for-primus_00", "GOCSPX-", "GOOD", "GOCSP"})
    void leavesWhatIsNoClientSecretAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ya29.", "ya29.short_token_0123", "yaml: 29.5", "xya29.a0AfB_byC-EXAMPLE_token_for_primus",
        "ya29a0AfB_byC-EXAMPLE_token_for_primus", "yarn 1.22.19"})
    void leavesWhatIsNoAccessTokenAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
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
