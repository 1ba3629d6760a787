package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackWebhookDetectorTest {
    /** The placeholder Slack's own documentation uses: team, bot, 24-char secret. */
    private static final String URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    private static final String MASKED = "https://hooks.slack.com/services/[SLACK_WEBHOOK]";

    private final Masker masker = Masker.builder().detectors("slack_webhook").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "SLACK_WEBHOOK_URL={}",
        "{\"webhook\":\"{}\",\"channel\":\"#alerts\"}",
        "POST {} HTTP/1.1",
        "alert sent to {}, status 200",
    })
    void masksThePathAndKeepsTheHostInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", MASKED), masker.mask(form.replace("{}", URL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hooks.slack.com/services/T0123ABCD9/B0456EFGH12/abcdefghijklmnopqrstuvwx", // no scheme, longer ids
        "http://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        // The port written out, as the audit's URLs and some clients' logs have it.
        "https://hooks.slack.com:443/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "https://hooks.slack.com:8443/workflows/T01ABCD2EFG/A02BCDE3FGH/412345678901234567/0a1B2c3D4e5F6g7H8i9J0k1L",
    })
    void masksWebhooksWithoutHttpsAndWithLongerIds(String url) {
        String masked = url.substring(0, url.indexOf("/T") + 1) + "[SLACK_WEBHOOK]";
        assertEquals("url " + masked + " ok", masker.mask("url " + url + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://hooks.slack.com/workflows/T01ABCD2EFG/A02BCDE3FGH/412345678901234567/0a1B2c3D4e5F6g7H8i9J0k1L",
        "https://hooks.slack.com/triggers/T01ABCD2EFG/5123456789012/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d",
    })
    void masksWorkflowBuilderWebhooks(String url) {
        String masked = url.substring(0, url.indexOf("/T") + 1) + "[SLACK_WEBHOOK]";
        assertEquals("url " + masked + " ok", masker.mask("url " + url + " ok"));
        assertEquals("{\"url\":\"" + masked + "\"}", masker.mask("{\"url\":\"" + url + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://hooks.slack.com/workflows/T01ABCD2EFG/A02BCDE3FGH", // no secret
        "https://hooks.slack.com/triggers/t01abcd2efg/5123456789012/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d", // team in lower case
        "https://hooks.slack.com/services/T0000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // team id one short
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXX", // secret one short
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXXX", // secret one long
        "https://hooks.slack.com/services/t00000000/b00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // ids in lower case
        "https://hooks.slack.com/services/T00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // no bot id
        "https://hooks.example.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // another host
        "https://hooks.slack.com/services/", "https://api.slack.com/T00000000",
        "https://hooks.slack.com:/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // a colon, no port
        "https://hooks.slack.com:1234567/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // no port is so long
        "https://hooks.slack.com.evil.test:443/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", // another host
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
