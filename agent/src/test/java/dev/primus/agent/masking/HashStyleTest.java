package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashStyleTest {
    private final Masker masker = Masker.builder().style("hash").hashKey("key-one").build();

    @Test
    void writesTheDetectorNameAndEightHexChars() {
        assertTrue(masker.mask("john@example.com").matches("\\[EMAIL:[0-9a-f]{8}\\]"));
    }

    @Test
    void givesTheSameValueTheSameMarker() {
        assertEquals(masker.mask("john@example.com"), masker.mask("john@example.com"));
    }

    @Test
    void givesDifferentValuesDifferentMarkers() {
        assertNotEquals(masker.mask("john@example.com"), masker.mask("jane@example.com"));
    }

    @Test
    void givesTheSameValueADifferentMarkerUnderAnotherKey() {
        Masker other = Masker.builder().style("hash").hashKey("key-two").build();
        assertNotEquals(masker.mask("john@example.com"), other.mask("john@example.com"));
    }

    @Test
    void correlatesACardNumberWrittenWithAndWithoutSeparators() {
        assertEquals(masker.mask("4111111111111111"), masker.mask("4111-1111-1111-1111"));
    }

    @Test
    void neverWritesTheValue() {
        String masked = masker.mask("card 4111111111111111 mail john@example.com");
        assertFalse(masked.contains("4111") || masked.contains("john"), masked);
    }

    @Test
    void usesARandomKeyWhenNoneIsSet() {
        Masker one = Masker.builder().style("hash").build();
        Masker two = Masker.builder().style("hash").build();
        assertEquals(one.mask("john@example.com"), one.mask("john@example.com"));
        assertNotEquals(one.mask("john@example.com"), two.mask("john@example.com"));
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThrows(IllegalArgumentException.class, () -> Masker.builder().style("hash").hashKey("").build());
    }
}
