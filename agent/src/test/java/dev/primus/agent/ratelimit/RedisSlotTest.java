package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The cluster spec's CRC16 and hash-tag rules; RedisClusterTest checks the same against a real node. */
class RedisSlotTest {
    private static int slot(String key) {
        return RedisSlot.of(key.getBytes(StandardCharsets.UTF_8));
    }

    private static int crc16(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return RedisSlot.crc16(bytes, 0, bytes.length);
    }

    @Test
    void crc16IsXmodemAsTheClusterSpecPublishesIt() {
        assertEquals(0x31C3, crc16("123456789"));
    }

    @Test
    void crc16OfNothingIsZero() {
        assertEquals(0, crc16(""));
    }

    @Test
    void slotsAreWhatClusterKeyslotAnswersInTheRedisDocs() {
        assertEquals(11058, slot("somekey"));
        assertEquals(2515, slot("foo{hash_tag}"));
    }

    @Test
    void keysWithTheSameTagShareASlot() {
        assertEquals(slot("{user1000}.following"), slot("{user1000}.followers"));
        assertEquals(slot("user1000"), slot("{user1000}.following"));
    }

    @Test
    void onlyTheFirstBracePairCounts() {
        assertEquals(slot("bar"), slot("foo{bar}{zap}"));
        assertEquals(slot("{bar"), slot("foo{{bar}}zap"));
    }

    @Test
    void anEmptyTagOrAnUnclosedBraceHashesTheWholeKey() {
        assertEquals(crc16("foo{}{bar}") & 16383, slot("foo{}{bar}"));
        assertEquals(crc16("foo{bar") & 16383, slot("foo{bar"));
        assertNotEquals(slot("bar"), slot("foo{}{bar}"));
    }

    @Test
    void bucketKeysOfOneLimitSpreadOverSlots() {
        assertNotEquals(slot("primus:rl:per-tenant:acme"), slot("primus:rl:per-tenant:globex"));
    }
}
