package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardDetectorTest {
    private final Masker masker = Masker.builder().detectors("credit_card").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", // Visa 16
        "4222222222222", // Visa 13
        "5555555555554444", "2223003122003222", // Mastercard 51-55 and 2-series
        "378282246310005", "3782 822463 10005", // Amex, also in its 4-6-5 grouping
        "6011111111111117", "3530111333300000", "30569309025904", "6200000000000005", "6759649826438453",
        "8172001234567892", "5085001234567894", "6070001234567899", "8172 0012 3456 7892", // RuPay
    })
    void masksCardNumbersOfEveryNetworkAndGrouping(String card) {
        assertEquals("paid with [CREDIT_CARD] today", masker.mask("paid with " + card + " today"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST /pay card=4111+1111+1111+1111&exp=12%2F27 | POST /pay card=[CREDIT_CARD]&exp=12%2F27",
        "body: number=3782+822463+10005&name=x          | body: number=[CREDIT_CARD]&name=x",
    })
    void masksACardWhoseSpacesAFormEncodes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"total=1234+5678+9012+3456", "4111+1111 1111-1111", "q=4111+1111+1111+1112"})
    void leavesSumsAndMixedSeparatorsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** The decimal in parentheses is masked unless it is exactly the hex number before it. */
    @ParameterizedTest
    @ValueSource(strings = {"epoch : 0x3580c9cb0cb5d91d (3855303154957932828)", "id 3580c9cb0cb5d91c (3855303154957932828)",
        "x 0x1 (4111111111111111)"})
    void masksACardBesideAHexNumberOfAnotherValue(String text) {
        assertEquals(text.replace("3855303154957932828", "[CREDIT_CARD]").replace("4111111111111111", "[CREDIT_CARD]"),
                masker.mask(text));
    }

    @Test
    void masksACardAtTheEndOfASentence() {
        assertEquals("card [CREDIT_CARD].", masker.mask("card 4111-1111-1111-1111."));
    }

    @Test
    void masksACardFollowedByMoreNumbers() {
        assertEquals("card [CREDIT_CARD] 12 25", masker.mask("card 4111 1111 1111 1111 12 25"));
    }

    @Test
    void masksACardAfterAnEscapedLineBreak() {
        assertEquals("card:\\n[CREDIT_CARD]", masker.mask("card:\n4111111111111111"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1732406400000", // epoch millis
        "1234567812345678", // a 16-digit order id failing Luhn
        "4111111111111112", // Visa prefix, Luhn fails
        "9000000000000001", "1000000000000008", // Luhn-valid, no issuer
        "4f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a", // git SHA
        "123e4567-e89b-12d3-a456-426614174000", // UUID
        "0x4111111111111111", "id4111111111111111", "4111111111111111abc", // inside a longer token
        "0.4111111111111111", // a double
        "1.2.3.4", "Foo.java:123", "2024-11-24T10:15:30.123Z",
        "41111111111111111111", // 20 digits: no card is that long
        "4111-1111-1111-1111-2222", // a dash-joined id longer than a card
        "6795061899455057", // Luhn-valid in ISO's 56-69 block, outside every published Maestro IIN (an ad ordinal)
        "3004162128217401", // Luhn-valid, Diners' 300-305 range issues 14 digits only (an id in a W3C log)
        // A name's random number, glued to it by '-': JUnit's @TempDir, a temporary file (both Luhn-valid).
        "/tmp/junit-3574825046736608784/primus.yaml", "upload-4111111111111111.tmp",
        // Hazelcast 5.7: 19 digits a counter's name stands before, Luhn-valid in UnionPay's range.
        "Applied completed migrations with partition state stamp: 6276892788105620778",
        // Groups no card is written in: BIND's SOA serial and timers, OpenVPN's packet words at verb 9.
        "example.test. 300 IN SOA ns1.example.test. hostmaster.example.test. 2026120706 3600 600 86400 300",
        "DECRYPT AD: 48000000 00000004",
        // Samba's NDR dump: a 64-bit counter in hex, then in decimal, Luhn-valid in Diners' range.
        "unique_content_epoch     : 0x3580c9cb0cb5d91c (3855303154957932828)",
    })
    void leavesNumbersThatAreNotCardsAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }

    /** Cassandra's ring tokens, signed 64-bit values, some Luhn-valid in an issuer range. */
    @ParameterizedTest
    @ValueSource(strings = {
        // -4943085258474057592 passes Luhn in Visa's range; 4943085258474057592 beside a negative one too.
        "Generated random tokens. tokens are [-5073978841190866944, -5033423903877820246, -4943085258474057592]",
        "tokens [-9213409579976581007, 4943085258474057592, 4486289098334426088]",
        "tokens [4486289098334426088, 4943085258474057592, -9213409579976581007]",
        "tokens=-4943085258474057592",
    })
    void leavesNegativeNumbersAndTheirNeighboursInAListAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cards [4111111111111111, 5500005555555559]   | cards [[CREDIT_CARD], [CREDIT_CARD]]",
        "tokens [-42, 4111111111111111]               | tokens [-42, [CREDIT_CARD]]", // a short negative: no 64-bit value
        "card=4111-1111-1111-1111                     | card=[CREDIT_CARD]",
        "delta -4111111111111111                      | delta -[CREDIT_CARD]",  // 16 digits: a card's length, not a long's
        "-----END PGP-----4943085258474057592          | -----END PGP-----[CREDIT_CARD]", // after dashes, no sign
    })
    void masksCardsInListsOfCards(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dd.trace_id=4471049746507529170 dd.span_id=4123456789012345677",
        "trace_id=4404104234685356 processed",
        "{\"traceId\": \"4404104234685356\", \"spanId\":\"4123456789012345677\"}",
        "X-B3-ParentSpanId: 4404104234685356", "parent_id = 4404104234685356", "TRACEID:4404104234685356",
    })
    void leavesTheValueOfATraceOrSpanIdKeyAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id 4471049746507529170 ok               | id [CREDIT_CARD] ok",
        "card=4404104234685356                   | card=[CREDIT_CARD]",
        "trace_id=abc card=4404104234685356      | trace_id=abc card=[CREDIT_CARD]",
        "trace_ids 4404104234685356              | trace_ids [CREDIT_CARD]",
        "tracer_id=4404104234685356              | tracer_id=[CREDIT_CARD]",
        "trace_id 4404104234685356               | trace_id [CREDIT_CARD]",
    })
    void masksACardThatIsNoTracingIdsValue(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "swipe %B4111111111111111^DOE/JOHN^2512101000000000000? read      | swipe [CREDIT_CARD] read",
        "track1=%B5500005555555559^SMITH/JANE Q.MR^28011010000000123000?  | track1=[CREDIT_CARD]",
        "t1 %B4111111111111111^DOE/JOHN^251210100000                     | t1 [CREDIT_CARD]",
        "t1 %B4111111111111111^DOE/JOHN (truncated                        | t1 [CREDIT_CARD]DOE/JOHN (truncated",
        "track2=;4111111111111111=25121010000000000000? ok                | track2=;[CREDIT_CARD] ok",
        "raw: ;5500005555555559=2801101123? end                          | raw: ;[CREDIT_CARD] end",
        "%B4111111111111111 and no caret                                  | %B[CREDIT_CARD] and no caret",
    })
    void masksMagneticStripeTrackDataWhole(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%B4111111111111112^DOE/JOHN^2512?", "x%B4111111111111111^DOE^25?", "50%B", "%B12^A^1?",
        "100%Battery", "%B4111111111111111a", "Verification succeeded for blk_-4980916519894289629",
        "Deleting block blk_-4980916519894289629 file /data/current/blk_-4980916519894289629"})
    void leavesWhatIsNoTrackAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
