package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardIssuerRangesTest {
    @Test
    void knowsEachNetworkAndItsLengths() {
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
        assertFalse(CardIssuerRanges.issued(300416, 16), "Diners' 300-305 range: 14 digits only");
        assertTrue(CardIssuerRanges.issued(675911, 16), "Maestro's published IIN 6759");
        assertTrue(CardIssuerRanges.issued(501800, 12));
        assertFalse(CardIssuerRanges.issued(679506, 16), "ISO's 56-69 block is not all Maestro");
    }
}
