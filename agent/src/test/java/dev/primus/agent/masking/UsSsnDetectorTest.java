package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnDetectorTest {
    /**
     * The SSA's rules for numbers it never issues (area 000, 666, 900-999; group 00; serial
     * 0000; see "Social Security Number Randomization", ssa.gov), written as a regular expression
     * independently of the detector's scanner.
     */
    private static final Pattern ISSUABLE = Pattern.compile("(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}");
    private static final int INPUTS = 200_000;

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
        "123-45-6789-1", "1-123-45-6789", "123-45 6789", // longer numbers, mixed separators
        "2024-11-24",
    })
    void leavesNumbersThatAreNotSocialSecurityNumbersAlone(String text) {
        assertEquals("ssn " + text + " on file", masker.mask("ssn " + text + " on file"));
    }

    /** Spaced, the shape of a column of numbers: an access log's status, size and time ({@code %s %b %D}). */
    @ParameterizedTest
    @ValueSource(strings = {"\"GET /host-manager/text/list HTTP/1.1\" 200 92 7739 q=[-]", "order 123 45 6789 shipped"})
    void leavesSpacedGroupsAloneWithoutTheWord(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssn 123456789 on file", "SSN: 123456789", "\"ssn\":\"123456789\"", "customer_ssn=123456789",
        "Social Security number is 123456789", "socialSecurityNumber=123456789", "<SSN>123456789</SSN>",
        "<customer><ssn>123456789</ssn></customer>"})
    void masksNineBareDigitsAfterAWordThatNamesAnSsn(String text) {
        assertEquals(text.replace("123456789", "[US_SSN]"), masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 123456789 shipped", "ssn 000123456", "ssn 666123456", "ssn 923456789",
        "ssn 123006789", "ssn 123450000", "ssn 1234567890", "lessn 123456789", "ssn 12345678",
        "<order>123456789</order>", "<lessn>123456789</lessn>", "<SSN>923456789</SSN>"})
    void leavesNineBareDigitsAloneWithoutTheWordOrWhenNeverIssued(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Areas, groups and serials drawn with the edges (0, 665-667, 899-900, 999) much more often than chance would. */
    @Test
    void agreesWithTheSsaRulesOnRandomNumbers() {
        Random random = new Random(20_251_107L);
        List<String> disagreements = new ArrayList<String>();
        int issuable = 0;
        for (int n = 0; n < INPUTS; n++) {
            String separator = random.nextBoolean() ? "-" : " ";
            String ssn = String.format("%03d%s%02d%s%04d", pick(random, 1000, 0, 665, 666, 667, 899, 900, 999), separator,
                    pick(random, 100, 0, 1, 99), separator, pick(random, 10_000, 0, 1, 9999));
            boolean expected = ISSUABLE.matcher(ssn).matches();
            issuable += expected ? 1 : 0;
            String line = "ssn " + ssn + " on file";
            if (masker.mask(line).equals("ssn [US_SSN] on file") != expected) {
                disagreements.add(ssn);
            }
        }
        assertTrue(issuable > INPUTS / 4 && issuable < INPUTS * 3 / 4, "a mix of issuable and never-issued numbers");
        assertEquals(Collections.emptyList(), disagreements);
    }

    /** One of {@code edges} half of the time, else any number below {@code bound}. */
    private static int pick(Random random, int bound, int... edges) {
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(bound);
    }
}
