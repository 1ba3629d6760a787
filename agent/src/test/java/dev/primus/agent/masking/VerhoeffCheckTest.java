package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VerhoeffCheck} against published check digits, and against Apache Commons Validator's
 * {@link VerhoeffCheckDigit} on random twelve-digit numbers: the length of an Aadhaar number.
 */
class VerhoeffCheckTest {
    private static final CheckDigit ORACLE = VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT;
    private static final int INPUTS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {
        "2363", // Wikipedia, "Verhoeff algorithm", worked example: 236 has check digit 3
        "123451", "1234567890120", // Rosetta Code, "Verhoeff algorithm" task: 12345 -> 1, 123456789012 -> 0
        "14567894", // CPAN Algorithm::CheckDigits::MXX_006 documentation: 1456789 -> 4
        "999999990019", // UIDAI developer portal: the Aadhaar number of the authentication API's test resident
    })
    void acceptsPublishedNumbersWithTheirCheckDigit(String number) {
        assertTrue(VerhoeffCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2369", "123459", "1234567890129", // Rosetta Code: the same numbers with check digit 9 must fail
        "999999990018", // one digit wrong
        "999999990109", // the last two digits before the check digit swapped
    })
    void rejectsAWrongCheckDigitAndASwap(String number) {
        assertFalse(VerhoeffCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999 9999 0019", "9999-9999-0019"})
    void skipsTheSeparatorsOfAGroupedNumber(String number) {
        assertTrue(VerhoeffCheck.valid(number, 0, number.length()));
    }

    /**
     * A third of the inputs carry the right check digit, a third are one digit off or have two
     * neighbours swapped (the errors Verhoeff is built to catch), a third are random.
     */
    @Test
    void agreesWithCommonsValidatorOnRandomTwelveDigitNumbers() {
        Random random = new Random(20_251_102L);
        Disagreements disagreements = new Disagreements("Verhoeff", "commons-validator VerhoeffCheckDigit");
        for (int n = 0; n < INPUTS; n++) {
            String digits = candidate(random);
            String written = RandomInputs.groupedInFours(random, digits);
            disagreements.compare(written, ORACLE.isValid(digits), VerhoeffCheck.valid(written, 0, written.length()));
        }
        disagreements.assertNone(INPUTS);
    }

    private static String candidate(Random random) {
        String valid = withCheckDigit(RandomInputs.digits(random, 11));
        switch (random.nextInt(3)) {
            case 0:
                return valid;
            case 1:
                return random.nextBoolean() ? RandomInputs.oneDigitChanged(random, valid)
                        : RandomInputs.neighboursSwapped(random, valid);
            default:
                return RandomInputs.digits(random, 12);
        }
    }

    private static String withCheckDigit(String body) {
        try {
            return body + ORACLE.calculate(body);
        } catch (CheckDigitException e) {
            throw new AssertionError("commons-validator cannot compute a check digit for " + body, e);
        }
    }
}
