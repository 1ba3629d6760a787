package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactStyleTest {
    @Test
    void isTheDefaultStyle() {
        assertEquals("mail [EMAIL]", Masker.builder().build().mask("mail john@example.com"));
    }

    @Test
    void replacesEachValueWithItsDetectorNameUpperCased() {
        Masker masker = Masker.builder().style("redact").custom("order_token", "ORD-[0-9]+").build();
        assertEquals("[CREDIT_CARD] [US_SSN] [ORDER_TOKEN]", masker.mask("4111111111111111 078-05-1120 ORD-42"));
    }
}
