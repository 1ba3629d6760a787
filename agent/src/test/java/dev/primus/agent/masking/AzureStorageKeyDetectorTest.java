package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureStorageKeyDetectorTest {
    /** The storage emulator's account key, which Microsoft publishes: 86 base64 chars and "==". */
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String CONNECTION =
            "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey={};EndpointSuffix=core.windows.net";

    private final Masker masker = Masker.builder().detectors("azure_storage_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        CONNECTION, // bare: the connection string alone
        "AZURE_STORAGE_CONNECTION_STRING=" + CONNECTION,
        "{\"AccountName\":\"devstoreaccount1\",\"AccountKey\":\"{}\"}",
        "x-ms-connection-string: " + CONNECTION,
        "could not reach the blob service with accountkey = {} (timeout)",
    })
    void masksTheKeyAndNothingElseInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[AZURE_STORAGE_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    /** The names Azure's tools give the same key. */
    @ParameterizedTest
    @ValueSource(strings = {
        "AZURE_STORAGE_KEY={}", "export AZURE_STORAGE_ACCESS_KEY={}", "ARM_ACCESS_KEY={}", "azure.storage.key: {}",
        "{\"primaryMasterKey\":\"{}\",\"secondaryMasterKey\":\"{}\"}", "storage_account_key={}", "secondaryKey={}",
        "AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey={};",
        "fs.azure.account.key.acmestore.blob.core.windows.net={}", // Hadoop's and Spark's
        "spark.hadoop.fs.azure.account.key.acmestore.dfs.core.windows.net: {}",
        "fs.azure.account.key.acmestore.blob.core.usgovcloudapi.net = {}",
    })
    void masksTheKeyUnderTheNamesAzuresToolsGiveIt(String form) {
        assertEquals(form.replace("{}", "[AZURE_STORAGE_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    /** A key of the older format with no name, or after a name that is not the key's: 64 random bytes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "rotated to {} for the blob store", "AccountName={}", "cache_key={}", "{\"value\":\"{}\"}",
        "X-Storage-Credential: {}", "https://acct.blob.core.windows.net/c?k={}", "shared key {} (primary)",
        "line one\\nsha512 of the upload\\n{}", // a digest's name on the line before, its break escaped
    })
    void masksAKeyOfTheOlderFormatBare(String form) {
        assertEquals(form.replace("{}", "[AZURE_STORAGE_KEY]"), masker.mask(form.replace("{}", KEY)));
    }

    /**
     * After its name the key is found at the separator; its padding, which the scan then walks
     * over, must not find it again and so move where the text after it "starts" (a line-start
     * "token: x" reads its value to the line's end).
     */
    @Test
    void aNamedKeyIsFoundOnceAndWhatFollowsIsReadAsBefore() {
        Masker all = Masker.builder().build();
        String after = " token: 1665303815 npm_o35KUcGORxioFWNk5rXFx6ZnxBBgwCSlDy1r token:";
        assertEquals("x AccountKey=[AZURE_STORAGE_KEY] token: [PASSWORD_KV] [NPM_TOKEN] token:",
                all.mask("x AccountKey=" + KEY + after));
        assertEquals("x AccountKey=\"[AZURE_STORAGE_KEY]\"" + " token: [PASSWORD_KV] [NPM_TOKEN] token:",
                all.mask("x AccountKey=\"" + KEY + "\"" + after));
    }

    /** SignalR's, Web PubSub's and Communication Services' 32-byte access keys: 43 base64 chars and "=". */
    @ParameterizedTest
    @ValueSource(strings = {
        "Endpoint=https://acme-signalr.service.signalr.net;AccessKey={};Version=1.0;",
        "Endpoint=https://acme.webpubsub.azure.com;AccessKey={};Version=1.0;",
        "endpoint=https://acme-acs.communication.azure.com/;accesskey={}",
    })
    void masksAThirtyTwoByteAccessKey(String form) {
        String key = "6Sz7FhyiaJw+TjCDT423k7vSawAXVSsdtvapyRvMH/g=";
        assertEquals(form.replace("{}", "[AZURE_STORAGE_KEY]"), masker.mask(form.replace("{}", key)));
    }

    /**
     * Identifiable keys (Microsoft's format): random base64 with the service's signature 10 chars
     * before the padding. Built here from a fixed body, so each is made the way Azure lays it out.
     */
    private static String identifiable(int bodyChars, String signature, String tail) {
        String body = "q7Rk2vN+yXb9P/dLs0WmTe4JcHu8Gz1FiAoK3Ept6VQnYw5BrSxMjC7hDl2Ua9OfZg4Ne+Ib0Ks/Xv8Tm3Lp6WdHy1Rc5Jq";
        return body.substring(0, bodyChars) + signature + tail;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "AZURE_COSMOS_KEY={}",
        "{\"credential\":\"{}\",\"kind\":\"azure\"}",
        "x-functions-key: {}",
        "the key {} was rotated an hour ago",
    })
    void masksAnIdentifiableKeyWithNoNameInEveryWrittenForm(String form) {
        String[] keys = {
            identifiable(76, "+ASt", "Qm9x2A=="), identifiable(76, "ACDb", "k7Zp0g=="), // storage, Cosmos DB
            identifiable(76, "+ABa", "r2Lx9Q=="), identifiable(76, "+AMC", "Tt5m1w=="), // Batch, classic ML
            identifiable(76, "APIM", "a0b1cA=="), // API Management
            identifiable(33, "+ASb", "B7Kq2x="), identifiable(33, "+AEh", "Pz0y9a="), // Service Bus, Event Hubs
            identifiable(33, "+ARm", "K12345="), identifiable(33, "AIoT", "C9xZ0p="), // Relay, IoT
            identifiable(33, "AzCa", "Ha1b2c="), identifiable(33, "AZEG", "Dq9w8e="), // Cache for Redis, Event Grid
            identifiable(44, "AzFu", "x_-9Kw==").replace('+', '-').replace('/', '_'), // a Function key: base64url
        };
        for (String key : keys) {
            assertEquals(form.replace("{}", "[AZURE_STORAGE_KEY]"), masker.mask(form.replace("{}", key)), key);
        }
    }

    /** BODY|SIGNATURE|TAIL: one char off the format, or the signature in the wrong place. */
    @ParameterizedTest
    @ValueSource(strings = {
        "76|+ASt|Qm9x2==", "76|+ASt|Qm9x2AA==", "76|+ASt|Qm9x2A=", "75|+ASt|Qm9x2A==", "77|+ASt|Qm9x2A==",
        "76|AzFu|Qm9x2A=", // 88 chars with "==" is the older format's shape, masked whatever the signature
        "33|+ASb|Q7Kq2x=", "33|+ASb|B7Kq2x==", "33|+ASb|B7Kq2=", "33|+ASb|B7Kq2xy=", "33|AIoX|C9xZ0p=", "32|AIoT|C9xZ0p=",
        "44|AzFu|x_-9Kw=", "44|ACDb|x_-9Kw==",
    })
    void leavesASignatureOutOfPlaceAlone(String parts) {
        String[] part = parts.split("\\|");
        String text = identifiable(Integer.parseInt(part[0]), part[1], part[2]);
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }

    @Test
    void leavesAnIdentifiableKeyInsideALongerRunAlone() {
        String longer = "x" + identifiable(76, "+ASt", "Qm9x2A==");
        assertEquals("value " + longer + " end", masker.mask("value " + longer + " end"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AccessKey=6Sz7FhyiaJw+TjCDT423k7vSawAXVSsdtvapyRvMH/=", "AccessKey=6Sz7FhyiaJw+TjCDT423k7vSawAXVSsdtvapyRvMH/gA=",
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMG==", // 85 + ==
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGwA=", // one '='
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq_K1SZFPTOtr_KBHBeksoGMGw==", // base64url
        "AccountKey=", "AccountKey=none",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }

    /** A key-shaped value after a digest's, a MAC's or a signature's name (SHA-512 in base64), or one char off the shape. */
    @ParameterizedTest
    @ValueSource(strings = {
        "checksum={}", "sha512-{}", "SHA-512 digest: {}", "{\"integrity\":\"sha512-{}\"}", "X-Hub-Signature: {}",
        "hmac {}", "Content-Digest: sha-512=:{}:", "x{}", "{}=", "{}A", "MyAccountKeys=x{}",
    })
    void leavesADigestOrALongerRunAlone(String form) {
        String text = "value " + form.replace("{}", KEY) + " end";
        assertEquals(text, masker.mask(text));
        for (String variant : new String[] {KEY.toLowerCase(), KEY.replace('/', '_'), KEY.replace("==", "AA==")}) {
            assertEquals("value " + variant + " end", masker.mask("value " + variant + " end"));
        }
    }
}
