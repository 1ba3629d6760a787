package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmTokenDetectorTest {
    /** npm_ and 36 letters and digits. */
    private static final String TOKEN = "npm_EXAMPLEforPrimusTests0123456789abcde";

    private final Masker masker = Masker.builder().detectors("npm_token").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "NPM_TOKEN={}",
        "//registry.npmjs.org/:_authToken={}",
        "{\"token\":\"{}\",\"readonly\":false}",
        "Authorization: Bearer {}",
        "publish failed for {} with 403",
    })
    void masksTheTokenInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[NPM_TOKEN]"), masker.mask(form.replace("{}", TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "npm_EXAMPLEforPrimusTests0123456789abcd", // 35
        "npm_EXAMPLEforPrimusTests0123456789abcdef", // 37
        "npm_EXAMPLEforPrimusTests-0123456789abcd", // '-' is not in the alphabet
        "npm_EXAMPLEforPrimusTests0123456789abcde_x", "xnpm_EXAMPLEforPrimusTests0123456789abcde",
        "npm_", "npm_config_cache=/tmp/npm", "npm_package_version",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
