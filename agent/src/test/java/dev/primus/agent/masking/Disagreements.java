package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one of our validators and an independent implementation (the oracle) disagree, counted
 * by kind, so that a failure says how wrong the validator is and shows the first inputs.
 */
final class Disagreements {
    private static final int SHOWN = 10;

    private final String validator;
    private final String oracle;
    private final List<String> examples = new ArrayList<String>();
    private int validPerOracle;
    private int invalidPerOracle;
    private int rejectedValid;
    private int acceptedInvalid;

    Disagreements(String validator, String oracle) {
        this.validator = validator;
        this.oracle = oracle;
    }

    void compare(String input, boolean oracleSaysValid, boolean validatorSaysValid) {
        if (oracleSaysValid) {
            validPerOracle++;
        } else {
            invalidPerOracle++;
        }
        if (oracleSaysValid == validatorSaysValid) {
            return;
        }
        if (oracleSaysValid) {
            rejectedValid++;
        } else {
            acceptedInvalid++;
        }
        if (examples.size() < SHOWN) {
            examples.add(input + (oracleSaysValid ? " (valid, rejected)" : " (invalid, accepted)"));
        }
    }

    /**
     * No disagreement, and a mix worth the name: at least a quarter of the inputs valid and a
     * quarter invalid, so that neither half of the validator goes untested.
     */
    void assertNone(int inputs) {
        assertTrue(validPerOracle + invalidPerOracle == inputs, "every input compared");
        assertTrue(validPerOracle >= inputs / 4 && invalidPerOracle >= inputs / 4,
                () -> "a lopsided mix: " + validPerOracle + " valid and " + invalidPerOracle + " invalid per " + oracle);
        assertTrue(rejectedValid + acceptedInvalid == 0, () -> validator + " disagrees with " + oracle + " on "
                + (rejectedValid + acceptedInvalid) + " of " + inputs + " inputs: rejects " + rejectedValid + " of "
                + validPerOracle + " valid ones, accepts " + acceptedInvalid + " of " + invalidPerOracle
                + " invalid ones; first: " + examples);
    }
}
