package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskerApiTest {
    private final Masker masker = Masker.builder().build();

    @Test
    void returnsTheSameInstanceForACleanMessage() {
        String clean = "GET /api/orders/42 took 35 ms at 2024-11-24T10:15:30.123Z [main] Foo.java:123 v1.2.3.4";
        assertSame(clean, masker.mask(clean));
    }

    /** Prefixes, names and hosts of every secret detector, each a near miss. */
    @Test
    void returnsTheSameInstanceForACleanMessageFullOfNearMisses() {
        String clean = "npm_config_cache=/tmp sk-learn AIza hf_hub_download SG.com SKU ACK glpat-short xapp-1 "
                + "hooks.slack.com/services/ AccountKey=none ?sig=abc aws_secret_access_key=unset T3BlbkFJ sk-ant-";
        assertSame(clean, masker.mask(clean));
    }

    /**
     * The clean path allocates nothing, with every detector on: under one byte per call on
     * average, where a single object per call would cost at least 16.
     */
    @Test
    void allocatesNothingForACleanMessage() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Masker everything = Masker.builder().detectors(BuiltInDetector.configNames().split(", ")).build();
        String clean = "2024-11-24 10:15:30.123 INFO [main] c.e.OrderService - GET /api/orders/42 took 35 ms, "
                + "user=17 status:200 id=123e4567-e89b-12d3-a456-426614174000 npm_config_cache=/tmp sk-learn AIza";
        int calls = 20_000;
        for (int i = 0; i < calls; i++) {
            assertSame(clean, everything.mask(clean));
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        boolean same = true;
        for (int i = 0; i < calls; i++) {
            same &= everything.mask(clean) == clean;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(same);
        assertTrue(allocated < calls, () -> allocated + " bytes allocated by " + calls + " calls on a clean message");
    }

    @Test
    void returnsNullForNull() {
        assertNull(masker.mask(null));
    }

    @Test
    void escapesCarriageReturnAndLineFeed() {
        assertEquals("user bob\\r\\nINFO forged line", masker.mask("user bob\r\nINFO forged line"));
    }

    @Test
    void leavesEveryOtherControlCharAsItWas() {
        String text = "tab\there \u0000 \u001b[31m \u2028 done";
        assertSame(text, masker.mask(text));
    }

    @Test
    void masksAStringBuilderOnlyFromTheGivenIndex() {
        StringBuilder line = new StringBuilder("john@example.com | mail jane@example.com");
        assertTrue(masker.mask(line, 17));
        assertEquals("john@example.com | mail [EMAIL]", line.toString());
    }

    @Test
    void escapesLineBreaksInAStringBuilderOnlyFromTheGivenIndex() {
        StringBuilder line = new StringBuilder("prefix\n| a\nb");
        assertTrue(masker.mask(line, 7));
        assertEquals("prefix\n| a\\nb", line.toString());
    }

    @Test
    void reportsAnUnchangedStringBuilder() {
        StringBuilder line = new StringBuilder("2024-11-24 INFO nothing to see");
        assertFalse(masker.mask(line, 0));
        assertEquals("2024-11-24 INFO nothing to see", line.toString());
    }

    @Test
    void ignoresANullOrOutOfRangeStringBuilder() {
        assertFalse(masker.mask((StringBuilder) null, 0));
        assertFalse(masker.mask(new StringBuilder("a@b.com"), 99));
        assertFalse(masker.mask(new StringBuilder("x"), -1));
    }

    @Test
    void countsMaskedValuesPerDetectorAndResetsOnDrain() {
        Masker counting = Masker.builder().build();
        counting.mask("a@example.com b@example.com 4111111111111111");
        counting.mask(new StringBuilder("c@example.com"), 0);
        Map<String, Long> counts = counting.drainCounts();
        assertEquals(Long.valueOf(3), counts.get("email"));
        assertEquals(Long.valueOf(1), counts.get("credit_card"));
        assertEquals(2, counts.size());
        assertEquals(Collections.emptyMap(), counting.drainCounts());
    }

    @Test
    void rejectsAnUnknownDetectorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Masker.builder().detectors("jwt", "emial").build());
        assertTrue(e.getMessage().contains("'emial'"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownStyleNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Masker.builder().style("scramble").build());
        assertTrue(e.getMessage().contains("'scramble'"), e.getMessage());
    }

    @Test
    void runsOnlyTheListedDetectors() {
        Masker emailOnly = Masker.builder().detectors("email").build();
        assertEquals("[EMAIL] 4111111111111111", emailOnly.mask("a@example.com 4111111111111111"));
    }

    @Test
    void runsNoBuiltInDetectorWhenTheListIsEmpty() {
        String text = "a@example.com 4111111111111111";
        assertSame(text, Masker.builder().detectors().build().mask(text));
    }

    @Test
    void isSafeToUseFromManyThreads() throws InterruptedException {
        Masker shared = Masker.builder().style("hash").hashKey("k").build();
        String expected = shared.mask("mail john@example.com card 4111111111111111");
        shared.drainCounts();
        Thread[] threads = new Thread[4];
        boolean[] wrong = new boolean[1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!expected.equals(shared.mask("mail john@example.com card 4111111111111111"))) {
                        wrong[0] = true;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertFalse(wrong[0]);
        assertEquals(Long.valueOf(8_000), shared.drainCounts().get("email"));
    }
}
