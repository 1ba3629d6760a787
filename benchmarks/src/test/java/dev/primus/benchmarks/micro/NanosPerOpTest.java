package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NanosPerOpTest {
    @Test
    void aTimePerOperationIsScaledToNanoseconds() {
        assertEquals(12.5, NanosPerOp.of(12.5, "ns/op"), 1e-12);
        assertEquals(31_400, NanosPerOp.of(31.4, "us/op"), 1e-9);
        assertEquals(2_000_000, NanosPerOp.of(2, "ms/op"), 1e-9);
        assertEquals(400, NanosPerOp.error(31.4, 0.4, "us/op"), 1e-9);
    }

    @Test
    void aThroughputIsInverted() {
        assertEquals(50, NanosPerOp.of(20_000_000, "ops/s"), 1e-9);
        assertEquals(250, NanosPerOp.of(4_000, "ops/ms"), 1e-9);
        assertEquals(0.5, NanosPerOp.of(2, "ops/ns"), 1e-12);
    }

    @Test
    void aThroughputsErrorIsCarriedToFirstOrder() {
        // 20M ± 1M ops/s: 50 ns/op, and 1/19M .. 1/21M s is about ± 2.5 ns.
        assertEquals(2.5, NanosPerOp.error(20_000_000, 1_000_000, "ops/s"), 1e-9);
    }

    @Test
    void aUnitThatIsNeitherTimePerOpNorOpsPerTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NanosPerOp.of(1, "B/op/x"));
        assertThrows(IllegalArgumentException.class, () -> NanosPerOp.of(1, "MB/sec"));
        assertThrows(IllegalArgumentException.class, () -> NanosPerOp.of(1, "fortnights/op"));
    }
}
