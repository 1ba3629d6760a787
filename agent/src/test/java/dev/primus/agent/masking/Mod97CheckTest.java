package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mod97Check}, the ISO 13616 IBAN check, against the SWIFT IBAN Registry's example of
 * every country, and against Apache Commons Validator's {@link IBANCheckDigit} on random IBANs
 * of every registered country and length.
 */
class Mod97CheckTest {
    private static final CheckDigit ORACLE = IBANCheckDigit.IBAN_CHECK_DIGIT;
    /** Every code Commons Validator knows, with its IBAN length. */
    private static final Map<String, Integer> COUNTRIES = registeredCountries();
    private static final List<String> CODES = new ArrayList<String>(COUNTRIES.keySet());
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int INPUTS = 200_000;

    @ParameterizedTest
    @MethodSource("dev.primus.agent.masking.IbanRegistryExamples#all")
    void acceptsTheRegistryExampleOfEveryCountry(String iban) {
        assertTrue(Mod97Check.valid(iban, 0, iban.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19"})
    void skipsTheSpacesOfThePrintFormat(String iban) {
        assertTrue(Mod97Check.valid(iban, 0, iban.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DE88370400440532013000", // check digits one off
        "DE89370400440532013001", // one BBAN digit wrong
        "DE89370400440532031000", // two BBAN digits swapped
        "GB29NWBK60161331926891",
    })
    void rejectsAWrongCheckDigitAndASwap(String iban) {
        assertFalse(Mod97Check.valid(iban, 0, iban.length()));
    }

    /**
     * ISO 7064 MOD 97-10 computes check digits 02 to 98 only. 00, 01 and 99 leave the same
     * remainder as 97, 98 and 02: such an IBAN is a typing error, never an issued one.
     */
    @ParameterizedTest
    @CsvSource({
        "DE97370400440532013050, DE00370400440532013050",
        "DE98370400440532013032, DE01370400440532013032",
        "DE02370400440532013014, DE99370400440532013014",
    })
    void rejectsCheckDigitsTheAlgorithmNeverComputes(String issued, String sameRemainder) {
        assertTrue(Mod97Check.valid(issued, 0, issued.length()));
        assertFalse(Mod97Check.valid(sameRemainder, 0, sameRemainder.length()));
    }

    /**
     * A third of the inputs carry the right check digits, a third have one char changed (a digit
     * for a digit, a letter for a letter, as the detector's shape allows), two neighbours swapped
     * or other check digits, a third are random; compact or in the print format's groups of four.
     */
    @Test
    void agreesWithCommonsValidatorOnRandomIbansOfEveryCountry() {
        Random random = new Random(20_251_104L);
        Disagreements disagreements = new Disagreements("Mod97Check", "commons-validator IBANCheckDigit");
        for (int n = 0; n < INPUTS; n++) {
            String code = CODES.get(random.nextInt(CODES.size()));
            String iban = candidate(random, code, COUNTRIES.get(code));
            String written = random.nextBoolean() ? iban : RandomInputs.groupedInFours(random, iban).replace('-', ' ');
            disagreements.compare(written, ORACLE.isValid(iban), Mod97Check.valid(written, 0, written.length()));
        }
        disagreements.assertNone(INPUTS);
    }

    private static String candidate(Random random, String code, int length) {
        String bban = bban(random, length - 4);
        String valid = code + checkDigits(code + "00" + bban) + bban;
        switch (random.nextInt(3)) {
            case 0:
                return valid;
            case 1:
                switch (random.nextInt(3)) {
                    case 0:
                        return oneCharChanged(random, valid);
                    case 1:
                        return valid.substring(0, 4) + RandomInputs.neighboursSwapped(random, bban);
                    default:
                        return code + RandomInputs.digits(random, 2) + bban;
                }
            default:
                return code + RandomInputs.digits(random, 2) + bban(random, length - 4);
        }
    }

    private static Map<String, Integer> registeredCountries() {
        Map<String, Integer> countries = new LinkedHashMap<String, Integer>();
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                IBANValidator.Validator country = IBANValidator.getInstance().getValidator("" + first + second);
                if (country != null) {
                    countries.put("" + first + second, country.getIbanLength());
                }
            }
        }
        return countries;
    }

    /** Mostly digits, some letters: the mix of most BBAN formats. */
    private static String bban(Random random, int length) {
        StringBuilder bban = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            bban.append(random.nextInt(5) == 0 ? UPPER.charAt(random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        return bban.toString();
    }

    /** A check digit or BBAN char replaced by a different one of its kind. */
    private static String oneCharChanged(Random random, String iban) {
        int at = 2 + random.nextInt(iban.length() - 2);
        char c = iban.charAt(at);
        char changed = CharClass.isDigit(c) ? (char) ('0' + (c - '0' + 1 + random.nextInt(9)) % 10)
                : (char) ('A' + (c - 'A' + 1 + random.nextInt(25)) % 26);
        return iban.substring(0, at) + changed + iban.substring(at + 1);
    }

    private static String checkDigits(String withZeros) {
        try {
            return ORACLE.calculate(withZeros);
        } catch (CheckDigitException e) {
            throw new AssertionError("commons-validator cannot compute check digits for " + withZeros, e);
        }
    }
}
