package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
    private final Masker masker = Masker.builder().detectors("phone").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "+14155552671", "+1 415 555 2671", "+1-415-555-2671", "+1 (415) 555-2671", "+44 20 7946 0958", "+4930123456",
        "(415) 555-2671", "(415)555-2671", "415-555-2671", "415.555.2671", "1-415-555-2671",
        "+91 98765 43210", "+919876543210", "9876543210", "6123456789",
    })
    void masksPhoneNumbersInTheirWrittenForms(String phone) {
        assertEquals("call [PHONE] now", masker.mask("call " + phone + " now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1732406400", // epoch seconds start with 1
        "1732406400000", // epoch millis
        "4111111111111111", // a card number is not a phone number
        "415 555 2671", // three bare space-separated numbers read as counters
        "015-555-2671", "415-155-2671", // NANP area and exchange never start with 0 or 1
        "98765432101", "5876543210", // Indian mobiles have exactly ten digits starting 6-9
        "+1234567", "+0123456789", "1.5E+10", "+1234567890123456",
        "id9876543210", "98765-43210-1",
    })
    void leavesNumbersThatAreNotPhoneNumbersAlone(String text) {
        assertEquals("call " + text + " now", masker.mask("call " + text + " now"));
    }
}
