package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @ParameterizedTest
    @ValueSource(strings = {
        "AccessKey=6Sz7FhyiaJw+TjCDT423k7vSawAXVSsdtvapyRvMH/=", "AccessKey=6Sz7FhyiaJw+TjCDT423k7vSawAXVSsdtvapyRvMH/gA=",
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMG==", // 85 + ==
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGwA=", // one '='
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq_K1SZFPTOtr_KBHBeksoGMGw==", // base64url
        "AccountName=" + KEY, // not the key's name
        KEY, // a bare base64 string could be anything
        "AccountKey=", "AccountKey=none", "MyAccountKeys=" + KEY,
        "fs.azure.account.keyprovider.acmestore.blob.core.windows.net=" + KEY, "fs.azure.account.auth.type=" + KEY,
        "checksum=" + KEY, "sha512-" + KEY, "cache_key=" + KEY, "StorageKeyName=" + KEY, // other names
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
