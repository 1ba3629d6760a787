package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
