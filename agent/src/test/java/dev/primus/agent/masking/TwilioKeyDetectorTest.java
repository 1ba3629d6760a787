package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioKeyDetectorTest {
    private static final String API_KEY = "SK0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "ACfedcba9876543210FEDCBA9876543210";

    private final Masker masker = Masker.builder().detectors("twilio_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "TWILIO_API_KEY={}",
        "{\"sid\":\"{}\",\"friendly_name\":\"ci\"}",
        "GET https://{}:secret@api.twilio.com/2010-04-01/Accounts.json",
        "created API key {} for the build",
    })
    void masksAnApiKeySidInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[TWILIO_KEY]"), masker.mask(form.replace("{}", API_KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", // bare
        "TWILIO_ACCOUNT_SID={}",
        "{\"account_sid\":\"{}\",\"status\":\"queued\"}",
        "POST https://api.twilio.com/2010-04-01/Accounts/{}/Messages.json",
        "messages for account {} are delayed",
    })
    void masksAnAccountSidInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[TWILIO_KEY]"), masker.mask(form.replace("{}", ACCOUNT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SK0123456789abcdef0123456789abcde", // 31 hex digits
        "SK0123456789abcdef0123456789abcdef0", // 33
        "SK0123456789abcdef0123456789abcdeg", // 'g' is not hex
        "SM0123456789abcdef0123456789abcdef", // message SIDs are not keys
        "xSK0123456789abcdef0123456789abcdef",
        "SK", "SKU", "ACK", "ACCOUNT",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
