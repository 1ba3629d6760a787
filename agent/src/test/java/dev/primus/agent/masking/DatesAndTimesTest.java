package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan skips a date or time as a whole ({@link DateTimeSkip}): it must skip nothing that a
 * detector would mask, whatever follows the date or time and whatever detectors are on.
 */
class DatesAndTimesTest {
    private final Masker all = Masker.builder().detectors(BuiltInDetector.configNames().split(", ")).build();
    private final Masker defaults = Masker.builder().build();
    private final Masker ipOnly = Masker.builder().detectors("ip_address").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-24 01:23:45.678 INFO started", "2026-11-24T01:23:45.678Z started", "2026-11-24T01:23:45,678 started",
        "2026-11-24 01:23:45 started", "2026-11-24T01:23:45.123456789+01:00 started", "01:23:45.678 started",
        "2026-11-24 started", "at 2026-11-24", "at 01:23:45",
        "2026-11-24 01:23:45.678 INFO [http-nio-8080-exec-3] c.a.orders.OrderService - order 7781 shipped to"
            + " warehouse north-7 after 3 retries; latency 42 ms, queue depth 17, cache ratio 0.93 ok; region eu-west",
    })
    void leavesDatesAndTimesAloneAndReturnsTheSameInstance(String line) {
        assertSame(line, all.mask(line));
    }

    @Test
    void masksADashGroupedCardThatStartsLikeAYear() {
        assertEquals("card [CREDIT_CARD]", defaults.mask("card 2223-0031-2200-3222"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-24 4111 1111 1111 1111 | 2026-11-24 [CREDIT_CARD]",
        "01:23:45 4111 1111 1111 1111 | 01:23:45 [CREDIT_CARD]",
        "2026-11-24 01:23:45 4111 1111 1111 1111 | 2026-11-24 01:23:45 [CREDIT_CARD]",
        "2026-11-24T01:23:45.678 4111 1111 1111 1111 | 2026-11-24T01:23:45.678 [CREDIT_CARD]",
        "01:23:45,4111111111111111 | 01:23:45,[CREDIT_CARD]",
    })
    void masksACardRightAfterADateOrTime(String line, String masked) {
        assertEquals(masked, defaults.mask(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "at 23:26:59 4111 1111 1111 1111 | at 23:26:59 [CREDIT_CARD]",
        "2026-05-25 23:26:59 4111 1111 1111 1111 | 2026-05-25 23:26:59 [CREDIT_CARD]",
    })
    void masksTheCardAndNotTheSecondsBeforeIt(String line, String masked) {
        // 59 4111 1111 1111 11 passes Luhn, but 5941 is no issuer's range: the seconds stay.
        assertEquals(masked, defaults.mask(line));
    }

    @Test
    void masksAnAadhaarNumberRightAfterADate() {
        assertEquals("2026-11-24 [AADHAAR]", defaults.mask("2026-11-24 2341 2341 2346"));
    }

    @Test
    void masksAnSsnThatStartsWithTheMillisecondsAfterAComma() {
        assertEquals("2026-11-24 01:23:45,[US_SSN]", defaults.mask("2026-11-24 01:23:45,123-45-6789"));
    }

    @Test
    void masksAPhoneNumberWhoseCountryCodeIsAOneDigitFraction() {
        assertEquals("at 01:23:45.[PHONE]", defaults.mask("at 01:23:45.1 (415) 555-2671"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01:23:45::1 | [IP_ADDRESS]",
        "2026-11-24 01:23:45::1 | 2026-11-24 [IP_ADDRESS]",
        "12:34:56:78:9a:bc:de:f0 | [IP_ADDRESS]",
        "01:23:45ab:cd:ef:01:23:45 | [IP_ADDRESS]",
        "2026-11-24:ab::1 | 2026-11-[IP_ADDRESS]",
    })
    void masksAnIpv6AddressThatStartsLikeADateOrTime(String line, String masked) {
        assertEquals(masked, ipOnly.mask(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01:23:45.1.2.3 | 01:23:[IP_ADDRESS]",
        "2026-11-24 01:23:45.67.8.9 | 2026-11-24 01:23:[IP_ADDRESS]",
    })
    void masksAnIpv4AddressThatStartsWithTheSeconds(String line, String masked) {
        assertEquals(masked, ipOnly.mask(line));
    }

    @Test
    void masksACardAfterANumberLongerThanAnyDetectorReads() {
        assertEquals("1234567890123456789012345 [CREDIT_CARD]",
                defaults.mask("1234567890123456789012345 4111111111111111"));
    }
}
