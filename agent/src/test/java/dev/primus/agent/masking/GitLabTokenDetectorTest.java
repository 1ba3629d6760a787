package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitLabTokenDetectorTest {
    /** glpat- and 20 base64url chars. */
    private static final String CLASSIC = "glpat-EXAMPLE_primus-test0";

    private final Masker masker = Masker.builder().detectors("gitlab_token").build();

    @ParameterizedTest
    @ValueSource(strings = {
        CLASSIC,
        "glpat-EXAMPLEpayload_for_primus_tests.01.1f2a3b4c5", // routable: payload, '.', version, '.', length and CRC
        "glpat-EXAMPLEpayload_primus_tests.011a2b3c4", // routable, shortest payload (27), version and CRC in one run
    })
    void masksClassicAndRoutableTokens(String token) {
        assertEquals("token [GITLAB_TOKEN] ok", masker.mask("token " + token + " ok"));
    }

    /** GitLab's documented prefixes for its other tokens, with bodies of the lengths each is issued with. */
    @ParameterizedTest
    @ValueSource(strings = {
        "gldt-EXAMPLE_primus-test0", "glrt-EXAMPLE_primus-test0", "glrt-t1_EXAMPLEpayload_primus_tests.011a2b3c4",
        "glrtr-EXAMPLE_primus-test0", "glptt-0123456789abcdef0123456789abcdef01234567", "glft-EXAMPLE_primus-test0",
        "glcbt-64_EXAMPLE_primus-test0", "glimt-EXAMPLE_primus-test0", "glsoat-EXAMPLE_primus-test0",
        "glffct-EXAMPLE_primus-test0", "gloas-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "glagent-EXAMPLE_primus-test0_and_more_payload",
        "GR1348941auT8VZpaMJmXzQrybWtp", // a runner registration token: no '-' ends its prefix
    })
    void masksGitLabsOtherTokens(String token) {
        assertEquals("token [GITLAB_TOKEN] ok", masker.mask("token " + token + " ok"));
        assertEquals("{\"token\":\"[GITLAB_TOKEN]\"}", masker.mask("{\"token\":\"" + token + "\"}"));
        assertEquals("[GITLAB_TOKEN]", masker.mask(token));
        assertEquals("Authorization: Bearer [GITLAB_TOKEN]", masker.mask("Authorization: Bearer " + token));
        assertEquals("POST /api/v4/runners?token=[GITLAB_TOKEN]&tag_list=docker",
                masker.mask("POST /api/v4/runners?token=" + token + "&tag_list=docker"));
        assertEquals("REGISTRATION_TOKEN=[GITLAB_TOKEN]", masker.mask("REGISTRATION_TOKEN=" + token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "GITLAB_TOKEN={}",
        "{\"token\":\"{}\",\"scopes\":[\"api\"]}",
        "PRIVATE-TOKEN: {}",
        "the pipeline cloned with {} and failed",
    })
    void masksTheTokenInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[GITLAB_TOKEN]"), masker.mask(form.replace("{}", CLASSIC)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "glpat-EXAMPLE_primus-test", // 19 chars
        "glpat-EXAMPLE_primus-test01", // 21: neither classic nor routable
        "glpat-EXAMPLEpayload_for_primus_tests.01.1F2A3B4C5", // CRC in upper case is not base36
        "glpat-EXAMPLEpayload_primus_test.011a2b3c4", // payload of 26: too long to be classic, too short to route
        "glpat-EXAMPLEpayload_for_primus_tests.01.1f2a3b4c", // CRC one short
        "glpat-EXAMPLE+primus-test0", // '+' is not base64url
        "xglpat-EXAMPLE_primus-test0", "xgldt-EXAMPLE_primus-test0", "gldt-EXAMPLE_primus-tes", // 19 chars
        "glxyz-EXAMPLE_primus-test0", "glrt-runner-config",
        "glpat-", "glpat-tokens", "global",
        "GR1348941", "GR1348941auT8VZpaMJmXzQrybWt", // 19 chars
        "xGR1348941auT8VZpaMJmXzQrybWtp", "GROUP", "GRANT", "GR1348942auT8VZpaMJmXzQrybWtp",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
