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

class PanDetectorTest {
    /**
     * The Income Tax Department's PAN structure (five letters, four digits, a letter; the fourth
     * letter the holder type: Association of persons, Body of individuals, Company, Firm,
     * Government, HUF, Local authority, artificial Juridical person, Person, Trust), written as a
     * regular expression independently of the detector's scanner.
     */
    private static final Pattern STRUCTURE = Pattern.compile("[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]");
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int INPUTS = 200_000;

    private final Masker masker = Masker.builder().detectors("pan").build();

    @ParameterizedTest
    @ValueSource(strings = {"ABCPE1234F", "AAACB1234Z", "ZZZHZ9999Z", "ABCTA0000A", "ABCGX1234Y"})
    void masksPermanentAccountNumbers(String pan) {
        assertEquals("pan [PAN] ok", masker.mask("pan " + pan + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ABCDE1234F", // D is not a holder type
        "abcpe1234f", "ABCPE1234", "ABCPE12345", "XABCPE1234F", "ABCPE1234FX", "ABCP1234F",
    })
    void leavesStringsThatAreNotPansAlone(String text) {
        assertEquals("pan " + text + " ok", masker.mask("pan " + text + " ok"));
    }

    /** Well-formed PANs with any fourth letter, half of them with one char swapped for a digit or letter. */
    @Test
    void agreesWithThePublishedStructureOnRandomCodes() {
        Random random = new Random(20_251_108L);
        List<String> disagreements = new ArrayList<String>();
        int wellFormed = 0;
        for (int n = 0; n < INPUTS; n++) {
            StringBuilder pan = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                pan.append(i >= 5 && i <= 8 ? (char) ('0' + random.nextInt(10)) : UPPER.charAt(random.nextInt(26)));
            }
            if (random.nextBoolean()) {
                pan.setCharAt(random.nextInt(10), random.nextBoolean() ? (char) ('0' + random.nextInt(10))
                        : UPPER.charAt(random.nextInt(26)));
            }
            boolean expected = STRUCTURE.matcher(pan).matches();
            wellFormed += expected ? 1 : 0;
            String line = "pan " + pan + " ok";
            if (masker.mask(line).equals("pan [PAN] ok") != expected) {
                disagreements.add(pan.toString());
            }
        }
        assertTrue(wellFormed > INPUTS / 5 && wellFormed < INPUTS * 4 / 5, "a mix of well-formed and malformed codes");
        assertEquals(Collections.emptyList(), disagreements);
    }
}
