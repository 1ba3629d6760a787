package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitsTest {
    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"})
    void mod97AcceptsValidIbans(String iban) {
        assertTrue(Mod97Check.valid(iban, 0, iban.length()));
    }

    @Test
    void mod97RejectsWrongCheckDigits() {
        assertFalse(Mod97Check.valid("DE88370400440532013000", 0, 22));
    }

    @Test
    void ibanLengthsCoverSepaAndBeyond() {
        assertTrue(IbanLengths.of('D', 'E') == 22 && IbanLengths.of('N', 'O') == 15 && IbanLengths.of('B', 'R') == 29);
        assertTrue(IbanLengths.of('U', 'S') == 0);
    }
}
