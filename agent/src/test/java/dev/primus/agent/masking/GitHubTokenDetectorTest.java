package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubTokenDetectorTest {
    private static final String BODY_36 = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Masker masker = Masker.builder().detectors("github_token").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "ghp_" + BODY_36, "gho_" + BODY_36, "ghu_" + BODY_36, "ghs_" + BODY_36, "ghr_" + BODY_36,
        "github_pat_11ABCDEFG0123456789abc_" + "defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ01",
        "ghp_" + "abcdefghijklmnopqrstuvwxyz0123", // 30 chars: lengths may change, a cut token is still a secret
    })
    void masksTokensOfEveryKind(String token) {
        assertEquals("GH_TOKEN: [GITHUB_TOKEN] ok", masker.mask("GH_TOKEN: " + token + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_short", "ghx_" + BODY_36, "xghp_" + BODY_36, "github_pat_short"})
    void leavesOtherStringsAlone(String text) {
        assertEquals("GH_TOKEN: " + text + " ok", masker.mask("GH_TOKEN: " + text + " ok"));
    }
}
