package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AadhaarDetectorTest {
    private final Masker masker = Masker.builder().detectors("aadhaar").build();

    @ParameterizedTest
    @ValueSource(strings = {"234123412346", "2341 2341 2346", "2341-2341-2346", "498765432102", "876543210988"})
    void masksAadhaarNumbersBareOrGrouped(String aadhaar) {
        assertEquals("uid [AADHAAR] ok", masker.mask("uid " + aadhaar + " ok"));
    }

    @Test
    void masksAGroupedNumberFollowedByMoreDigits() {
        assertEquals("uid [AADHAAR] 2024", masker.mask("uid 2341 2341 2346 2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "234123412347", // Verhoeff check digit wrong
        "134123412346", "034123412346", // first digit 0 or 1 is never issued
        "202411241234", // Verhoeff-valid, but reads as yyyyMMddHHmm
        "2341-2341 2346", "x234123412346", "2341234123467",
        "123e4567-e89b-12d3-a45f-234123412346", // last group of a UUID
    })
    void leavesNumbersThatAreNotAadhaarNumbersAlone(String text) {
        assertEquals("uid " + text + " ok", masker.mask("uid " + text + " ok"));
    }
}
