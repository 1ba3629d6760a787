package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CustomPatternTest {
    @Test
    void masksMatchesWithTheCustomNameUpperCased() {
        Masker masker = Masker.builder().detectors().custom("order_token", "ORD-[0-9]{10}").build();
        assertEquals("order [ORDER_TOKEN] shipped", masker.mask("order ORD-1234567890 shipped"));
    }

    @Test
    void runsEveryCustomPatternInOrder() {
        Masker masker = Masker.builder().detectors().custom("ticket", "T-[0-9]+").custom("user_id", "u[0-9]{6}").build();
        assertEquals("[TICKET] by [USER_ID]", masker.mask("T-42 by u123456"));
    }

    @Test
    void countsUnderTheCustomName() {
        Masker masker = Masker.builder().detectors().custom("order_token", "ORD-[0-9]{10}").build();
        masker.mask("ORD-1234567890 ORD-0000000000");
        assertEquals(Long.valueOf(2), masker.drainCounts().get("order_token"));
    }

    @Test
    void neverMatchesInsideItsOwnHashMarker() {
        Masker masker = Masker.builder().detectors().style("hash").hashKey("k").custom("digits", "[0-9a-f]{4}").build();
        String once = masker.mask("id beef");
        assertEquals(once, masker.mask(once));
    }

    @Test
    void rejectsAnInvalidPatternNamingTheDetectorAndTheRe2Error() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Masker.builder().custom("order_token", "ORD-[0-9").build());
        assertTrue(e.getMessage().contains("order_token"), e.getMessage());
        assertTrue(e.getMessage().contains("missing closing ]"), e.getMessage());
    }

    @Test
    void rejectsBackreferencesWhichRe2DoesNotSupport() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Masker.builder().custom("twice", "(a)\\1").build());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void rejectsACustomDetectorNamedLikeABuiltIn() {
        assertThrows(IllegalArgumentException.class, () -> Masker.builder().custom("email", "x"));
    }

    @Test
    void rejectsACustomNameThatCouldNotBeReadBackAsAMarker() {
        assertThrows(IllegalArgumentException.class, () -> Masker.builder().custom("Order Token", "x"));
    }

    @Test
    void completesAPatternThatBacktracksCatastrophicallyInJavaUtilRegex() {
        Masker masker = Masker.builder().detectors().custom("nested", "(a+)+$").build();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append('a');
        }
        String line = text.append('b').toString();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(line, masker.mask(line)));
    }

    @Test
    void manyShortMatchesAfterLongScansStayLinearAndMaskTheRestOfTheLine() {
        // Each search tries the long alternative to the end first: unbounded, 20,000 chars took 6 s (this
        // length, by the square, about 14 s; not run). Bounded, the searches are capped (MAX_SEARCHES),
        // each to the line's end: 100,000 chars took 5-6 s on a 2-CPU machine loaded by other work, this
        // length 1.4-2.5 s.
        Masker masker = Masker.builder().detectors().custom("greedy", "a[^\\n]*z|a").build();
        String line = "a".repeat(30_000);
        String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(line));
        assertEquals(-1, masked.indexOf('a'), "past the match cap the rest is masked, never left readable");
    }

    @Test
    void aPatternThatAlsoMatchesNothingIsBoundedAndMasksOnlyItsRealMatches() {
        Masker masker = Masker.builder().detectors().custom("optional", "(ORD-[0-9]{4})?").build();
        String line = "x".repeat(50_000) + " ORD-1234";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> masker.mask(line));
        assertEquals("id [OPTIONAL] ok", masker.mask("id ORD-1234 ok"));
    }
}
