package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vendors' tokens written out by hand in their documented formats (random bodies, or
 * EXAMPLE where the alphabet allows), not made by the detector's own format specs.
 */
class VendorTokenDetectorTest {
    private static final String FCM_KEY = "AAAAPtYgjmU:APA91bhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFxFkM_R5Kjp1vRt-1fjORS_"
            + "6ilI8ihN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwtDDb-xHKas1VOqg6YYZYn9ZhyiA4uoR";
    /** An Entra ID client secret as issued: 3 chars, "8Q~", 34 of base64url and '~' and '.'. */
    private static final String ENTRA_SECRET = "C3J8Q~75-yx-8xm5MslfY5ubiheyEd7P4zDL~ak6";
    private static final String[] TOKENS = {
        "dckr_pat_EXAMPLEprimusTests_only-0123", // base64url, 27 in Docker's own
        "dckr_oat_p3jYrxxLOa_ZepweHHBzo_zTS8A",
        "pypi-AgEIcHlwaS5vcmcAabVVloZaXZxmCu1VShIqmArIntn9oX98WHgCtzC1uwB5FXZPf7stg7NvlE3LaruSrjLnonWKTn9UGKz",
        "pypi-AgENdGVzdC5weXBpLm9yZwIkZjM0ZGJkNzgtZTU5Mi00YjlhLWE1YTctMjQzNmQ4Y2QzZWFlAAIqWzMsImU",
        "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",
        "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",
        "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",
        "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",
        "dop_v1_51f75143a5f61debc267b0bc8d3b1939a9b4ddbe45cf642b0c3a4acdd7f9fcc5",
        "doo_v1_51f75143a5f61debc267b0bc8d3b1939a9b4ddbe45cf642b0c3a4acdd7f9fcc5",
        "dor_v1_51f75143a5f61debc267b0bc8d3b1939a9b4ddbe45cf642b0c3a4acdd7f9fcc5",
        "lin_api_EXAMPLEprimusTestsOnly0123456789abcdefgh",
        "PMAK-7f8499ff30499a90ebb4108e-360ddfcfc69e290d9f945ffa4d1278220a",
        "NRAK-1EZ5DHHOHIS2JLL0KENC9GYERDH",
        "sbp_c40d2affbb1494978278947bec540a2123e7cefa",
        "pul-30c14d732f64cb79abcc4b9db165c23115661ffb",
        "glsa_EXAMPLEprimusTestsOnly0123456789_971f1bba",
        "glc_HC68TPpl6eUEZDdKzunX7ukI7UeWaF3iA7H50VFEsMJe+L8GfG/yHGg05nGE==",
        "AGE-SECRET-KEY-1VTEVW95X92YDPUKLMCGQNUW8GN79SE5GG9709M03RL0RVJHXY65CQJGPUF",
        "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",
        "sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iLCJvcmciOiJleGFtcGxlIn0="
                + "_pNvfMblniJVJ0XcI01d29fm1jKqX1DTOlX3YpNqJH+R",
        "sq0atp-7wAPvQA_wrJ-lCO9tZrwSl",
        "sq0csp-_LOl0rI3Gc1eiJSiM93XxfL5tQKASuCCg6xKGbY4B8K",
        "ntn_9Rm91regBDKZxxgb3l85qpnolCNBaxuaz300b65YA0wK5V",
        "HRKU-AASmY2Jvby1YiR8ukAPV6JJwE0TZC_o6R7eJuDBX2KiQvqbTlLkONzvmv94e",
        "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",
        "xai-l7m8YYT2Kl7rEpcDvNhnYG7gT0jX1aIdWEfAkkNkdCDvFHV4JX9VQ0ReyJvHQQ1BoQYKoyPsQl44c651",
        "xai-D09lq9oC26U6j6mfVGMIQ02LbFzBhSPsYuiUVAq0_WT3YQf2juCU1QKVMwNFs15ykU41CzSJmNe4SdcT", // '_' in it
        "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",
        "r8_ph5iu1E9pr1RHZwTQdTTA4wUhq5fdYJpN8QU8",
        "r8_37L6ClNsHAi7s7nCBm5g-d6UDRjRileicO97Z", // '-' in it
        "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",
        "shippo_live_93ab2ec357332cd389ed164c56a2491e9e8958ef",
        "shippo_test_93ab2ec357332cd389ed164c56a2491e9e8958ef",
        "fo1_zMRZ6N4dRfVL5g7U9NmgtGPaDr9-kqHkR1l1vQlYEAx",
        "pscale_tkn_Un1k17rpBU_A97vFdA9PZVVezNx1djBaeIv3ncMv4Hh",
        "pscale_pw_Un1k17rpBU_A97vFdA9PZVVezNx1djBaeIv3ncMv4Hh",
        "pnu_h1AJbDdAMxMGLd4c5zeeShEBxysxnnd1nnmt",
        "CLOJARS_622nNBp4cgM9EsVMGiX4FLOZACbDTMu3YZKx9H5YsMNIZ5cJa9BRdhxMss31",
        "CFPAT-iLd214YZpgFYUuM3uSkXAT2NA7pK-TvAHv9h5q0Vy24",
        "duffel_live_Cd9lNJ9cKoMKp0WpsFnPKKF-8b4mT2j5JflLmJwl0MU",
        "duffel_test_Cd9lNJ9cKoMKp0WpsFnPKKF-8b4mT2j5JflLmJwl0MU",
        "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFs"
                + "ZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6IkVYQU1QTEUifX0",
        // Standard base64, '+' and '/' in it, and its padding.
        "ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwic2FsdCI6Ino/fj55aVJiaU1kWU4yZkZxNm9Db1MifQ+/"
                + "LCJlbWFpbCI6InN2Y0AxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIn0=",
        "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", // a Google OAuth client secret
        // A prefix no '_' or '-' ends.
        "ATATT3xFfGF06FigT-0hzromVAy3I5CE7r8ymuCQ0AbaJOOKkelDuv1ZNFE27bemvB7KuIFW1MOlKE2YsaeDio_m-7UmE6dQR4lJf"
                + "PRzesrc98XD5YbMa3C2o-33rK99nehpdLQ5yvq3I2H87EZyOl2ff8Z2ucn19Oi-r2uSeVWzyDdPE=1BA5F7AF", // Atlassian
        // Firebase Cloud Messaging's legacy server key, as "Authorization: key=" sent it.
        FCM_KEY,
        "squ_8e08baa7196b50ac2f86702824c1c099724caf49", "sqp_8e08baa7196b50ac2f86702824c1c099724caf49",
        "sqa_8e08baa7196b50ac2f86702824c1c099724caf49",
        "CCIPAT_HTp8hkqdlm7tOtHWnsCGRl_8b081006f7e3dfc967a64cb14028d512c9791e55",
        "bkua_8e08baa7196b50ac2f86702824c1c099724caf49",
        "pcsk_UNPjc_01T5GOBUSZGi6HWGK10Zb0RLZ5TR9SPofbciOx9gy1CJdObOIRpFqaDZeV7G5IfQ",
        "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", "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",
        "sgp_c2d0b698d5c7e41b_a4ea5ee874ae7689447ab57a683536c4499d8633",
        "rdme_hzi8ooj3zkby07czdxvzpv1uz9du7jwp1axg7leu1m6boi0z3cccrr8cgqh7a1pcshtwkh",
        "NRII-Dm7ena8D5VfLDpgyyjVw5HanSBeVRsfA", "NRJS-8160adb59261ff2d3c4",
        "p8e-bdcJx3TDF8265e3MOz7hT9fquKoPf96Q",
        "FLWSECK_TEST-c5e5b77518b1018f134a069e3fab8c3b-X", "FLWSECK-c5e5b77518b1018f134a069e3fab8c3b-X",
        "API-JHXK04Y2RVSRDVAJT1PYYYO2SA",
        "ATCTT3xFfGN0EZDz_TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di"
                + "4PzJ59FHz5r1pY4OjE2jBMptUsGr7CmY-uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt_PlJhx2jIclHkCiH=3E0AD841",
        "AKCpV9ds0HqtO93L7Q5uUaVcojsNOBAGx5diFoNPcbdaKwtgHwIoALtLinxN1Ekia7ZpTjCge",
        "LTAIIO2zVZxqyxKjxvWfColN",
        "EAAAEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsG",
        "EAAGgWf1RfyMuLTLa21e2tw2KYXUo3UUhAqoHSDNtfyhN4hhN2d7Tx7q3LfN3av7zwehk57gJ6vvpSvmXbLU23STOguSMZ8cOS9liO0Ipxj"
                + "8O04MFw6xeL3tRiH3QJPgPWFDSqn9VcnYWoCnD48Q7o4mFpobB6lJVEs6nOGsAVB5raO8HX4EPFAl",
        "EAAMF6yIEUZAZ1R5PWZD3qyW0FAmkmTstzluPyAkfNAO8XFQ3sR4Kos9CW1tQSc8DDJ1r58dQ2FkpoJwcW63Vmn4W1LlmT089Y17e4tC"
                + "eDB7XPd2dZTisCUbY1Rx",
        "hvs.CAESvTHKtiIPTppRpomNDBjRLOXeiQtmhkJACKTFDayOSAguhfnCixKP09AnqjYFGuMLBqGoTvYzhF9s4WMYR9IehS87jCe",
        "SUABYPSM6DKYCLXXX6MBCASUCFRB3XFSO2D4D3Q6IIOW2VFACUGRQPWROA", "rzp_live_u9nqVA3ZsN4rHV",
        ENTRA_SECRET, "PrA8Q~kGOD-KdinZnLXicaBAg8WY1jzIRlNQb", // 31 after the Q~, as gitleaks allows
        "9A_7Q~prFmbh7_wy5-yq1XoY1BaIMcAxYmfsB4Hb", // an older version digit, a '_' before it
        "hvb.AAAAAQiIOSXFc6Nh7_PtZNYAAvjIrXTa9cDxIzLjz9ilp2nM8Z4WwcdtdgJzp8P7mTohsgnrb44Ds0EXR-ox_EVybB6X22ErphBWa"
                + "fZa75WVaOVQMQT948pt2h91AoliUjoLFrvIuzPhqmO_y-6pLE7dbv_h",
    };

    private final Masker masker = Masker.builder().detectors("vendor_token").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "API_TOKEN={}",
        "{\"token\":\"{}\",\"scope\":\"read\"}",
        "Authorization: Bearer {}",
        "GET https://api.example.com/v1/me?access_token={}&page=2",
        "login with {} was refused by the registry",
    })
    void masksEveryTokenInEveryWrittenForm(String form) {
        for (String token : TOKENS) {
            assertEquals(form.replace("{}", "[VENDOR_TOKEN]"), masker.mask(form.replace("{}", token)), token);
        }
    }

    /** An Entra ID client secret's body one char short or long, inside a path or base64, or without its digit. */
    @Test
    void leavesEntraSecretLookAlikesAlone() {
        String body = ENTRA_SECRET.substring(6);
        for (String text : new String[] {"C3J8Q~" + body.substring(4), ENTRA_SECRET + "X", ENTRA_SECRET + "~",
            "/home/" + ENTRA_SECRET, "x" + ENTRA_SECRET, "dGVzdA+" + ENTRA_SECRET, ENTRA_SECRET + "+dGVzdA==",
            ENTRA_SECRET + "==", "C3JxQ~" + body, "C3J8q~" + body, "C38Q~" + body, "~/.ssh/id_rsa", "user~1", "8Q~",
            "C3J8Q~", "Q~" + body}) {
            assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
        }
    }

    @Test
    void anEntraSecretAtASentencesEndKeepsItsFullStop() {
        assertEquals("The new secret is [VENDOR_TOKEN].", masker.mask("The new secret is " + ENTRA_SECRET + "."));
        assertEquals("client_secret=[VENDOR_TOKEN];tenant=x", masker.mask("client_secret=" + ENTRA_SECRET + ";tenant=x"));
    }

    /** An FCM server key one char short or long, inside a word, or without its ':'. */
    @Test
    void leavesFcmKeyLookAlikesAlone() {
        for (String text : new String[] {FCM_KEY.substring(0, FCM_KEY.length() - 1), FCM_KEY + "x", "x" + FCM_KEY,
            FCM_KEY.replace(':', '-')}) {
            assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
        }
    }

    @Test
    void theDefaultDetectorsLeaveNoCharOfAToken() {
        Masker defaults = Masker.builder().build();
        for (String token : TOKENS) {
            for (String line : new String[] {token, "token=" + token, "Authorization: Bearer " + token,
                "docker login -u bob -p " + token, "\"password\": \"" + token + "\""}) {
                String masked = defaults.mask(line);
                String body = token.substring(token.length() - 12);
                assertFalse(masked.contains(body), line + " -> " + masked);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dckr_pat_test", "dckr_pat_EXAMPLEprimusTests", // 18 chars
        "xdckr_pat_EXAMPLEprimusTests_only-0123", "my_dckr_pat_EXAMPLEprimusTests_only-0123",
        "pypi-proxy", "pypi-AgEIcHlwaS5vcmcshort", "pypi-server",
        "shpat_52f8b2b19b8f89a50f8a8e9bb8bdb5e", // 31 hex
        "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0", // 33
        "shpat_52f8b2b19b8f89a50f8a8e9bb8bdb5eg", // not hex
        "dop_v1_51F75143A5F61DEBC267B0BC8D3B1939A9B4DDBE45CF642B0C3A4ACDD7F9FCC5", // lower-case hex only
        "lin_api_key", "lin_api_EXAMPLEprimusTestsOnly0123456789abcdef", // 38
        "PMAK-abc", "PMAK-7f8499ff30499a90ebb4108e_360ddfcfc69e290d9f945ffa4d1278220a",
        "NRAK-1ez5dhhohis2jll0kenc9gyerdh", "NRAK-1EZ5DHHOHIS2JLL0KENC9GYERD",
        "pul-request", "sbp_config", "glsa_token", "glc_cache", "gsk_test",
        "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1vtevw95x92ydpuklmcgqnuw8gn79se5gg9709m03rl0rvjhxy65cqjgpuf",
        "AGE-SECRET-KEY-1BTEVW95X92YDPUKLMCGQNUW8GN79SE5GG9709M03RL0RVJHXY65CQJGPUF", // B is not bech32
        "sntryu_cache", "sntrys_eyJ", "sq0atp-short", "ntn_user", "HRKU-AA", "xai-model", "pplx-sonar",
        "r8_model", "xkeysib-abc", "shippo_live_key", "fo1_x", "pscale_tkn_short", "pnu_x", "CLOJARS_X",
        "CFPAT-x", "duffel_live_x", "ops_eyJ",
        "ico-5d41402abc4b2a76b9719d911017c592.svg", // an asset's MD5 fingerprint: Infracost's shape, not masked
        "shared_buffers", "user_id", "key-value", "do_not_track", "log-level", "north-7",
        "ATATT3", "ATATT3xFfGF0short=1BA5F7AF", "ATTRIBUTE", "AT&T",
        "AAAA", "AAAA:1234", "AAAABBBB", "AAAA-BBBB-CCCC",
        "GOCSPX-short", "GOCSPX-1mVwFTjGIXgs2BC2uHzskSi8ef4", "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x",
        "API-KEY", "API-Gateway", "API-JHXK04Y2RVSRDVAJT1PYYYO2S", "squ_config", "LTAI", "LTAILOGS", "EAAA",
        "bkua_8e08baa7196b50ac2f86702824c1c099724caf4", "NRJS-loader", "p8e-short",
        "EAAGshort", "EAACEdEose0cBA", "CAES", "hvs.CAES", "hvs.CAESshort",
        "xhvs.CAESvTHKtiIPTppRpomNDBjRLOXeiQtmhkJACKTFDayOSAguhfnCixKP09AnqjYFGuMLBqGoTvYzhF9s4WMYR9IehS87jCe",
        "CAESvTHKtiIPTppRpomNDBjRLOXeiQtmhkJACKTFDayOSAguhfnCixKP09AnqjYFGuMLBqGoTvYzhF9s4WMYR9IehS87jCe",
        "hvb.AAAAAQ", "CACHE.CAES", "obj.CAESAR", "SUAVE", "SOAP", "rzp_live_short", "rzp_test_",
        "xGOCSPX-1mVwFTjGIXgs2BC2uHzskSi8ef4I",
        "xATATT3xFfGF06FigT-0hzromVAy3I5CE7r8ymuCQ0AbaJOOKkelDuv1ZNFE27bemvB7KuIFW1MOlKE2YsaeDio_m-7UmE6dQR4lJf"
                + "PRzesrc98XD5YbMa3C2o-33rK99nehpdLQ5yvq3I2H87EZyOl2ff8Z2ucn19Oi-r2uSeVWzyDdPE=1BA5F7AF",
        "ATATT3xFfGF06FigT-0hzromVAy3I5CE7r8ymuCQ0AbaJOOKkelDuv1ZNFE27bemvB7KuIFW1MOlKE2YsaeDio_m-7UmE6dQR4lJf"
                + "PRzesrc98XD5YbMa3C2o-33rK99nehpdLQ5yvq3I2H87EZyOl2ff8Z2ucn19Oi-r2uSeVWzyDdPE=1BA5F7A", // CRC short
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }

    @Test
    void aDelimiterAfterTwoCharsNoPrefixEndsWithReadsNoWordBack() {
        TriggerTable triggers = new TriggerTable(TriggerNarrowingTest.everyDetector());
        int vendor = BuiltInDetector.VENDOR_TOKEN.bit();
        String line = "[http-nio-8080-exec-3] region eu-west dckr_pat_ sq0csp- r8_ lin_api_";
        for (String word : new String[] {"nio-", "exec-", "eu-", "dckr_", "sq0csp-", "r8_", "lin_"}) {
            int at = line.indexOf(word) + word.length() - 1;
            int announced = triggers.announced(triggers.entries[128 + line.charAt(at)], line, 0, at);
            assertEquals(word.startsWith("nio") || word.startsWith("e") ? 0 : vendor, announced & vendor, word);
        }
    }

    @Test
    void everyPrefixIsReadBackByTheScan() {
        for (String prefix : VendorTokens.prefixes()) {
            int delimiter = VendorTokens.firstDelimiter(prefix);
            assertTrue(delimiter > 0 && delimiter <= SpanFinder.MAX_PREFIX,
                    prefix + ": the word before its first '_' or '-' must be a prefix the scan reads back");
        }
    }
}
