package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkBufferTest {
    @TempDir
    Path dir;

    /** Takes everything in windows of {@code window}, as a sender does, and returns the lines in order. */
    private static List<String> drain(SinkBuffer buffer, int window) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        long[] seqs = new long[window];
        List<String> lines = new ArrayList<>();
        while (buffer.size() > 0) {
            int n = buffer.peek(window, seqs, lines, 0);
            for (int i = 0; i < n; i++) {
                assertEquals("e" + seqs[i] + " \u00e9", lines.get(i), "each line keeps its own seq");
            }
            taken.addAll(lines);
            buffer.remove(n);
        }
        return taken;
    }

    private static List<String> events(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            lines.add("e" + i + " \u00e9");
        }
        return lines;
    }

    @Test
    void pastItsMemoryTheBufferSpillsAndGivesEverythingBackInOrder() throws Exception {
        SinkBuffer buffer = new SinkBuffer(4);
        buffer.spillTo(SpillFile.open(dir.resolve("spill").toString(), 1 << 20, "test"));
        for (int i = 1; i <= 100; i++) {
            assertTrue(buffer.offer(i, "e" + i + " \u00e9"));
        }
        assertEquals(100, buffer.size());
        // Taken in part, then more offered while some is still spilled: the order holds.
        List<String> taken = new ArrayList<>();
        long[] seqs = new long[3];
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            int n = buffer.peek(3, seqs, lines, 0);
            taken.addAll(lines);
            buffer.remove(n);
        }
        for (int i = 101; i <= 150; i++) {
            assertTrue(buffer.offer(i, "e" + i + " \u00e9"));
        }
        taken.addAll(drain(buffer, 7));
        assertEquals(events(1, 150), taken);
        assertEquals(0, buffer.takeDropped());
        assertEquals(0, Files.size(dir.resolve("spill")), "emptied, the file is cut back");
    }

    @Test
    void aFullSpillFileDropsTheNewestAndCountsThem() throws Exception {
        SinkBuffer buffer = new SinkBuffer(2);
        // Room for 10 records of "N e<N> é\n" and a little more.
        buffer.spillTo(SpillFile.open(dir.resolve("spill").toString(), 10 * 10 + 5, "test"));
        int accepted = 0;
        for (int i = 1; i <= 30; i++) {
            accepted += buffer.offer(i, "e" + i + " \u00e9") ? 1 : 0;
        }
        assertTrue(accepted >= 12 && accepted < 30, "accepted " + accepted);
        assertEquals(30 - accepted, buffer.takeDropped());
        assertEquals(events(1, accepted), drain(buffer, 5));
    }

    @Test
    void withoutASpillFileAFullBufferDrops() throws Exception {
        SinkBuffer buffer = new SinkBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.offer(i, "e" + i + " \u00e9");
        }
        assertEquals(2, buffer.takeDropped());
        assertEquals(events(1, 3), drain(buffer, 2));
    }

    @Test
    void whatAnEarlierRunLeftIsKeptAsideNotSentUnderThisRunsIds() throws Exception {
        Path spill = dir.resolve("spill");
        Files.write(spill, "7 {\"seq\":7}\n".getBytes(StandardCharsets.UTF_8));
        SpillFile file = SpillFile.open(spill.toString(), 1 << 20, "test");
        assertTrue(file.isEmpty());
        assertEquals(0, Files.size(spill));
        File[] kept = dir.toFile().listFiles((d, name) -> name.startsWith("spill.unsent-"));
        assertEquals(1, kept.length);
        assertEquals("7 {\"seq\":7}\n", Files.readString(kept[0].toPath()));
    }

    @Test
    void closedWithEventsLeftTheFileHoldsOnlyThoseNotDelivered() throws Exception {
        Path spill = dir.resolve("spill");
        SinkBuffer buffer = new SinkBuffer(2);
        buffer.spillTo(SpillFile.open(spill.toString(), 1 << 20, "test"));
        for (int i = 1; i <= 10; i++) {
            buffer.offer(i, "e" + i + " \u00e9");
        }
        long[] seqs = new long[3];
        buffer.peek(3, seqs, new ArrayList<>(), 0);
        buffer.remove(3);
        buffer.close();
        // e1, e2 left memory; e3, e4 came back from the file into memory; e5 .. e10 are still on disk.
        List<String> expected = new ArrayList<>();
        for (int i = 5; i <= 10; i++) {
            expected.add(i + " e" + i + " \u00e9");
        }
        assertEquals(expected, Files.readAllLines(spill, StandardCharsets.UTF_8));
    }
}
