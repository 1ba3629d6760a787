package dev.primus.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Test
    void fromTheRepositoryRootTheBenchmarksModuleOrDeeperTheRunLandsInOnePlace(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("benchmarks/overhead"));
        Files.writeString(repo.resolve("benchmarks/overhead/README.md"), "# Overhead harness\n");
        Files.createDirectories(repo.resolve("agent/src"));
        Path expected = repo.resolve("benchmarks/results/2026-03-14-build-1");

        assertEquals(expected, ResultsFolder.defaultFor(repo, DAY, "build-1", "report.md"));
        assertEquals(expected, ResultsFolder.defaultFor(repo.resolve("benchmarks"), DAY, "build-1", "report.md"));
        assertEquals(expected, ResultsFolder.defaultFor(repo.resolve("agent/src"), DAY, "build-1", "micro.md"));
    }

    @Test
    void outsideARepositoryItIsUnderTheWorkingDirectory(@TempDir Path elsewhere) {
        assertEquals(elsewhere.resolve("benchmarks/results/2026-03-14-h"),
                ResultsFolder.defaultFor(elsewhere, DAY, "h", "report.md"));
    }

    @Test
    void theHostNameLosesTheCharactersAFileNameShouldNotCarry(@TempDir Path dir) {
        assertEquals(dir.resolve("benchmarks/results/2026-03-14-ci_runner_7.local"),
                ResultsFolder.defaultFor(dir, DAY, "ci runner/7.local", "report.md"));
    }

    @Test
    void aSecondRunOnTheSameDayDoesNotOverwriteTheFirstButTheOtherKindOfRunJoinsIt(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("benchmarks/results/2026-03-14-h");
        Files.createDirectories(first);
        Files.writeString(first.resolve("report.md"), "# first\n");

        assertEquals(dir.resolve("benchmarks/results/2026-03-14-h-2"), ResultsFolder.defaultFor(dir, DAY, "h", "report.md"));
        assertEquals(first, ResultsFolder.defaultFor(dir, DAY, "h", "micro.md"));
    }
}
