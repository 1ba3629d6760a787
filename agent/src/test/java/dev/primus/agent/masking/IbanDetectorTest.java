package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {
    private final Masker masker = Masker.builder().detectors("iban").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32",
        "FR1420041010050500013M02606", "CH9300762011623852957", "NO9386011117947", "SA0380000000608010167519",
        "AE070331234567890123456", "TR330006100519786457841326", "BR9700360305000010009795493P1", "NL91ABNA0417164300",
        "ES9121000418450200051332", "IT60X0542811101000000123456", "BE68539007547034",
    })
    void masksIbansCompactOrInGroupsOfFour(String iban) {
        assertEquals("pay to [IBAN] today", masker.mask("pay to " + iban + " today"));
    }

    @ParameterizedTest
    @MethodSource("dev.primus.agent.masking.IbanRegistryExamples#all")
    void masksTheRegistryExampleOfEveryCountryCompactAndInGroupsOfFour(String iban) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(i + 4, iban.length()));
        }
        assertEquals("pay to [IBAN] today", masker.mask("pay to " + iban + " today"));
        assertEquals("pay to [IBAN] today", masker.mask("pay to " + grouped + " today"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89370400440532013001", // check digits do not match
        "DE00370400440532013050", // same remainder as DE97..., but 00 is never computed
        "DE8937040044053201300", "DE893704004405320130000", // wrong length for Germany
        "XX89370400440532013000", // no such country
        "DE89 3704 0044 0532 013000", // broken grouping
        "de89370400440532013000", "XDE89370400440532013000",
    })
    void leavesStringsThatAreNotIbansAlone(String text) {
        assertEquals("pay to " + text + " today", masker.mask("pay to " + text + " today"));
    }
}
