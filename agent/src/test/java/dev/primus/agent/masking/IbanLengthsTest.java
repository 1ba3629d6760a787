package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link IbanLengths} against the registry as two others read it: the SWIFT examples and Commons Validator. */
class IbanLengthsTest {
    @ParameterizedTest
    @MethodSource("dev.primus.agent.masking.IbanRegistryExamples#all")
    void knowsTheLengthOfEveryRegistryExample(String iban) {
        assertEquals(iban.length(), IbanLengths.of(iban.charAt(0), iban.charAt(1)));
    }

    /**
     * Every two-letter code, registered or not. Commons Validator also lists the territories the
     * registry files under another country (GF, GP, ... under FR; IM, JE, GG under GB; AX under FI).
     */
    @Test
    void agreesWithCommonsValidatorOnEveryTwoLetterCode() {
        IBANValidator registry = IBANValidator.getInstance();
        StringBuilder disagreements = new StringBuilder();
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                IBANValidator.Validator country = registry.getValidator("" + first + second);
                int expected = country == null ? 0 : country.getIbanLength();
                int actual = IbanLengths.of(first, second);
                if (actual != expected) {
                    disagreements.append(' ').append(first).append(second).append(": ").append(actual)
                            .append(" not ").append(expected);
                }
            }
        }
        assertEquals("", disagreements.toString());
    }
}
