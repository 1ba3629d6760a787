package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureSasSignatureDetectorTest {
    /** The base64 of an HMAC-SHA256, URL-encoded as an SAS URL carries it. */
    private static final String SIG = "a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D";
    private static final String QUERY = "?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-01-01T00:00:00Z&spr=https&sig={}";
    private static final String URL = "https://account.blob.core.windows.net/reports/q3.pdf" + QUERY;

    private final Masker masker = Masker.builder().detectors("azure_sas_signature").build();

    @ParameterizedTest
    @ValueSource(strings = {
        QUERY, // bare: the SAS token alone
        "AZURE_SAS_URL=" + URL,
        "{\"url\":\"" + URL + "\",\"size\":1024}",
        "GET " + URL + " HTTP/1.1",
        "downloaded " + URL + " in 35 ms",
    })
    void masksTheSignatureAndNothingElseInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[AZURE_SAS_SIGNATURE]"), masker.mask(form.replace("{}", SIG)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a39+YozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ=", "a39%2bYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3d"})
    void masksASignatureDecodedOrEncodedInLowerCase(String sig) {
        assertEquals("url ?sp=r&sig=[AZURE_SAS_SIGNATURE] ok", masker.mask("url ?sp=r&sig=" + sig + " ok"));
    }

    /** The signature as a setting of its own, outside a URL: what a config dump or an SDK's debug line prints. */
    @ParameterizedTest
    @ValueSource(strings = {"sig={}", "SAS sig={} expires 2026-01-01", "{sig={}, sv=2022-11-02}", "\"sig={}\"",
        "sv=2022-11-02;sig={}", "(sig={})"})
    void masksTheSignatureAsASettingOfItsOwn(String form) {
        assertEquals(form.replace("{}", "[AZURE_SAS_SIGNATURE]"), masker.mask(form.replace("{}", SIG)));
    }

    /** A Logic Apps or Power Automate trigger's URL (a Teams workflow's webhook): 43 base64url chars, unpadded. */
    @ParameterizedTest
    @ValueSource(strings = {
        "POST https://prod-12.westus.logic.azure.com:443/workflows/8a3f2c1d9e7b4a6f8c2d1e3f4a5b6c7d/triggers/manual/paths"
            + "/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SIG",
        "webhook.url=https://default0a1b2c3d4e5f.60.environment.api.powerplatform.com:443/powerautomate/automations/direct"
            + "/workflows/8a3f2c1d9e7b4a6f8c2d1e3f4a5b6c7d/triggers/manual/paths/invoke?api-version=1&sv=1.0&sig=SIG&x=1",
        "{\"url\":\"https://x.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=SIG\"}",
    })
    void masksALogicAppTriggersSignature(String form) {
        String sig = "Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaEq-7kP2mXv_L";
        assertEquals(form.replace("SIG", "[AZURE_SAS_SIGNATURE]"), masker.mask(form.replace("SIG", sig)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "?sp=r&sig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpn%3D", // 43 chars decoded
        "?sp=r&sig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQA%3D", // 45
        "?sp=r&sig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQA", // no '=' padding
        "?sp=r&sig=a39%ZZYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D", // not a percent escape
        "config=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D", // not the sig parameter
        "?sp=r&signature=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D",
        "xsig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D", // another parameter's name
        "?sp=r&my_sig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D",
        "?sp=r&sig=", "?sp=r&sig=abc",
        "?sv=1.0&sig=Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaEqH7kP2mXv9", // unpadded: 42 chars
        "?sv=1.0&sig=Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaEqH7kP2mXv9Lx", // 44
        "?sv=1.0&sig=ThisIsTheSignatureFieldOfOurOwnFormVersionTwo", // a name in camel case
        "sig=Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaEqH7kP2mXv9L", // unpadded, but no URL's query
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
