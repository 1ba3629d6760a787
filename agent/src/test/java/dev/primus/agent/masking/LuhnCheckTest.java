package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LuhnCheck} against the test card numbers the card networks' processors publish, and
 * against Apache Commons Validator's {@link LuhnCheckDigit} on random numbers of every length
 * a card can have (13 to 19 digits).
 */
class LuhnCheckTest {
    private static final CheckDigit ORACLE = LuhnCheckDigit.LUHN_CHECK_DIGIT;
    private static final int INPUTS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {
        "79927398713", // Wikipedia, "Luhn algorithm": 7992739871 has check digit 3
        // PayPal Braintree and Stripe test card numbers:
        "4111111111111111", "4012888888881881", "4242424242424242", "4000056655665556", "4222222222222", // Visa
        "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", // Mastercard
        "378282246310005", "371449635398431", // American Express
        "6011111111111117", "6011000990139424", // Discover
        "3530111333300000", "3566002020360505", // JCB
        "30569309025904", "38520000023237", "36227206271667", // Diners Club
        "6200000000000005", // UnionPay
    })
    void acceptsPublishedTestCardNumbers(String number) {
        assertTrue(LuhnCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005"})
    void skipsTheSeparatorsOfAGroupedNumber(String number) {
        assertTrue(LuhnCheck.valid(number, 0, number.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "79927398710", // Wikipedia's example with another check digit
        "4111111111111112", // one digit wrong
        "4111111111111121", // the last two digits swapped
        "5555555555554445",
    })
    void rejectsAWrongCheckDigitAndASwap(String number) {
        assertFalse(LuhnCheck.valid(number, 0, number.length()));
    }

    /**
     * A third of the inputs carry the right check digit, a third are one digit off or have two
     * neighbours swapped, a third are random; bare or grouped in fours.
     */
    @Test
    void agreesWithCommonsValidatorOnRandomNumbersOfEveryCardLength() {
        Random random = new Random(20_251_103L);
        Disagreements disagreements = new Disagreements("Luhn", "commons-validator LuhnCheckDigit");
        for (int n = 0; n < INPUTS; n++) {
            int length = 13 + random.nextInt(7);
            String digits = candidate(random, length);
            String written = RandomInputs.groupedInFours(random, digits);
            disagreements.compare(written, ORACLE.isValid(digits), LuhnCheck.valid(written, 0, written.length()));
        }
        disagreements.assertNone(INPUTS);
    }

    private static String candidate(Random random, int length) {
        String valid = withCheckDigit(RandomInputs.digits(random, length - 1));
        switch (random.nextInt(3)) {
            case 0:
                return valid;
            case 1:
                return random.nextBoolean() ? RandomInputs.oneDigitChanged(random, valid)
                        : RandomInputs.neighboursSwapped(random, valid);
            default:
                return RandomInputs.digits(random, length);
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
