package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink on its own, written and closed on the test's thread before each file is read: no
 * other thread writes these files, so a read has nothing to wait for. The named pipe's reader is
 * another thread, bounded by its own deadline.
 */
class FileSinkTest {
    @TempDir
    Path dir;

    private static List<String> openLines(int from, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            lines.add("{\"seq\":" + i + ",\"reason\":\"event " + i + "\"");
        }
        return lines;
    }

    @Test
    void appendsJsonLinesAndCreatesTheFolder() throws Exception {
        File file = dir.resolve("nested/audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, false);
        sink.write(openLines(1, 2), 1);
        sink.close();
        assertEquals(List.of("{\"seq\":1,\"reason\":\"event 1\"}", "{\"seq\":2,\"reason\":\"event 2\"}"),
                Files.readAllLines(file.toPath()));
    }

    @Test
    void rotatesPastMaxSizeAndKeepsMaxFiles() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 100, 2, false);
        for (int i = 0; i < 20; i++) {
            sink.write(openLines(i, 1), i);
        }
        sink.close();
        assertTrue(file.length() <= 100);
        assertTrue(new File(file + ".1").isFile());
        assertTrue(new File(file + ".2").isFile());
        assertTrue(!new File(file + ".3").exists());
        List<String> newest = Files.readAllLines(file.toPath());
        assertTrue(newest.get(newest.size() - 1).contains("\"seq\":19"));
    }

    /**
     * A path that is no regular file is never renamed: a named pipe here, as {@code /dev/null} or
     * {@code /dev/stdout} would be, written past max_size, keeps every line and stays a pipe.
     */
    @Test
    void neverRotatesAFileThatIsNoRegularFile() throws Exception {
        Path fifo = dir.resolve("audit.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        java.util.concurrent.CompletableFuture<List<String>> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllLines(fifo); // to the writer's close
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // Bounded on both sides: opening a pipe for writing waits for its reader.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            FileSink sink = new FileSink(fifo.toFile(), 100, 2, true);
            for (int i = 1; i <= 20; i++) {
                sink.write(openLines(i, 1), i);
            }
            sink.close();
        });
        List<String> lines = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(20, lines.size(), lines.toString());
        assertTrue(!Files.exists(dir.resolve("audit.fifo.1")), "the pipe was renamed");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
    }

    @Test
    void rotatesWithinOneBatchLosingNoLine() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 100, 30, false);
        sink.write(openLines(1, 20), 1);
        sink.close();
        List<String> all = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            File older = new File(file + "." + i);
            if (older.isFile()) {
                assertTrue(older.length() <= 100, older + " has " + older.length() + " bytes");
                all.addAll(Files.readAllLines(older.toPath()));
            }
        }
        all.addAll(Files.readAllLines(file.toPath()));
        List<String> expected = new ArrayList<>();
        for (String open : openLines(1, 20)) {
            expected.add(open + "}");
        }
        assertEquals(expected, all);
    }

    @Test
    void chainedLinesOfAnyTextVerify() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, true, "k".getBytes(StandardCharsets.UTF_8), 0);
        List<String> lines = new ArrayList<>();
        for (String value : new String[] {"caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "a\"b\\c\nd", "\u2028"}) {
            StringBuilder line = new StringBuilder("{\"seq\":").append(lines.size() + 1).append(",\"reason\":");
            AuditJson.string(line, value);
            lines.add(line.toString());
        }
        sink.write(lines, 1);
        sink.close();
        assertEquals(5, Files.readAllLines(file.toPath()).size());
        assertNull(new AuditChainVerifier().key("k".getBytes(StandardCharsets.UTF_8)).check(file));
        assertTrue(Files.readAllLines(file.toPath()).get(2).contains("\ud83d\ude00"));
    }

    @Test
    void aHashChainVerifiesAndContinuesAcrossARestart() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink first = new FileSink(file, 1 << 20, 3, true);
        first.write(openLines(1, 3), 1);
        first.close();
        FileSink afterRestart = new FileSink(file, 1 << 20, 3, true);
        afterRestart.write(openLines(4, 2), 4);
        afterRestart.close();

        List<String> lines = Files.readAllLines(file.toPath());
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).contains("\"prev\":\"" + HashChain.GENESIS + "\""));
        assertNull(AuditChainVerifier.firstProblem(file));
    }

    @Test
    void verifierPinpointsAnEditedLine() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, true);
        sink.write(openLines(1, 4), 1);
        sink.close();
        List<String> lines = Files.readAllLines(file.toPath());
        lines.set(2, lines.get(2).replace("event 3", "event X"));
        Files.write(file.toPath(), lines, StandardCharsets.UTF_8);
        assertEquals(file + ":3: the hash does not match the line; the line was changed",
                AuditChainVerifier.firstProblem(file));
    }

    @Test
    void verifierPinpointsARemovedLine() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, true);
        sink.write(openLines(1, 4), 1);
        sink.close();
        List<String> lines = new ArrayList<>(Files.readAllLines(file.toPath()));
        lines.remove(1);
        Files.write(file.toPath(), lines, StandardCharsets.UTF_8);
        assertEquals(file + ":2: prev is not the hash of line 1; a line was removed, inserted or reordered before this one",
                AuditChainVerifier.firstProblem(file));
    }

    @Test
    void afterACrashCutALineShortTheNextLinesStartOnTheirOwnLine() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, false);
        sink.write(openLines(1, 1), 1);
        sink.close();
        Files.write(file.toPath(), "{\"seq\":2,\"reas".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        FileSink restarted = new FileSink(file, 1 << 20, 3, false);
        restarted.write(openLines(3, 1), 3);
        restarted.close();
        assertEquals(List.of("{\"seq\":1,\"reason\":\"event 1\"}", "{\"seq\":2,\"reas", "{\"seq\":3,\"reason\":\"event 3\"}"),
                Files.readAllLines(file.toPath()));
    }
}
