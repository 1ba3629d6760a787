package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    @Test
    void aKeyIsFirstOnceAndReplayedUntilItExpires() {
        ReplayCache cache = new ReplayCache(4);
        assertEquals(ReplayCache.Admission.FIRST, cache.admit("a", 1_000, 0));
        assertEquals(ReplayCache.Admission.REPLAYED, cache.admit("a", 1_000, 999));
        assertEquals(ReplayCache.Admission.FIRST, cache.admit("a", 2_000, 1_000), "its window has passed");
    }

    @Test
    void whenFullItRefusesNewKeysRatherThanForgetOneStillInItsWindow() {
        ReplayCache cache = new ReplayCache(2);
        cache.admit("a", 1_000, 0);
        cache.admit("b", 1_000, 0);
        assertEquals(ReplayCache.Admission.FULL, cache.admit("c", 1_000, 10));
        assertEquals(ReplayCache.Admission.REPLAYED, cache.admit("a", 1_000, 10));
    }

    @Test
    void expiredKeysMakeRoomWhereverTheyAre() {
        ReplayCache cache = new ReplayCache(2);
        cache.admit("long", 5_000, 0);
        cache.admit("short", 1_000, 0);
        assertEquals(ReplayCache.Admission.FIRST, cache.admit("c", 5_000, 1_000), "short expired behind long");
        assertEquals(2, cache.size());
    }
}
