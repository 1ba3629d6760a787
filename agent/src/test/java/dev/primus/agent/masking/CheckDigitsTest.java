package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitsTest {
    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "378282246310005", "9000000000000001", "0"})
    void luhnAcceptsValidNumbersSkippingSeparators(String number) {
        assertTrue(LuhnCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "1234567812345678", "4111111111111121"})
    void luhnRejectsOneWrongDigitAndSwappedDigits(String number) {
        assertFalse(LuhnCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"234123412346", "2341 2341 2346", "498765432102", "2363"})
    void verhoeffAcceptsValidNumbers(String number) {
        assertTrue(VerhoeffCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"234123412347", "243123412346", "2364"})
    void verhoeffRejectsAWrongDigitAndASwap(String number) {
        assertFalse(VerhoeffCheck.valid(number, 0, number.length()));
    }

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
    void issuerRangesKnowEachNetworkAndItsLengths() {
        assertTrue(CardIssuerRanges.issued(411111, 16));
        assertFalse(CardIssuerRanges.issued(411111, 15));
        assertTrue(CardIssuerRanges.issued(222100, 16));
        assertFalse(CardIssuerRanges.issued(272100, 16));
        assertTrue(CardIssuerRanges.issued(378282, 15));
        assertFalse(CardIssuerRanges.issued(378282, 16));
        assertTrue(CardIssuerRanges.issued(353011, 16));
        assertTrue(CardIssuerRanges.issued(305693, 14));
        assertFalse(CardIssuerRanges.issued(310000, 16));
        assertFalse(CardIssuerRanges.issued(900000, 16));
        assertFalse(CardIssuerRanges.issued(100000, 16));
    }

    @Test
    void ibanLengthsCoverSepaAndBeyond() {
        assertTrue(IbanLengths.of('D', 'E') == 22 && IbanLengths.of('N', 'O') == 15 && IbanLengths.of('B', 'R') == 29);
        assertTrue(IbanLengths.of('U', 'S') == 0);
    }
}
