package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PanDetectorTest {
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
}
