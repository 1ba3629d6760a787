package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnDetectorTest {
    private final Masker masker = Masker.builder().detectors("us_ssn").build();

    @ParameterizedTest
    @ValueSource(strings = {"078-05-1120", "123-45-6789", "123 45 6789", "899-99-9999"})
    void masksSocialSecurityNumbersWithDashesOrSpaces(String ssn) {
        assertEquals("ssn [US_SSN] on file", masker.mask("ssn " + ssn + " on file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", // areas never issued
        "123-00-4567", "123-45-0000", // group 00, serial 0000
        "123456789", // bare nine digits: too often an id or an amount
        "123-45-6789-1", "1-123-45-6789", "123-45 6789", // longer numbers, mixed separators
        "2024-11-24",
    })
    void leavesNumbersThatAreNotSocialSecurityNumbersAlone(String text) {
        assertEquals("ssn " + text + " on file", masker.mask("ssn " + text + " on file"));
    }
}
