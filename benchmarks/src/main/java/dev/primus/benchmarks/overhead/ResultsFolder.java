package dev.primus.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a run's files go without {@code --out}: {@code benchmarks/results/DATE-HOST/} of the
 * repository the harness is started in, found from the working directory upwards, so that a
 * run from the repository root, from {@code benchmarks/} or from deeper lands in the same place.
 * A second run on the same day gets {@code DATE-HOST-2}, rather than mixing its histograms with
 * the first's.
 */
final class ResultsFolder {
    /** What marks the benchmarks module: this harness's README. */
    private static final Path MARKER = Path.of("overhead", "README.md");

    private ResultsFolder() {
    }

    static Path defaultFor(Path workingDir, LocalDate date, String host) {
        return unused(benchmarksModule(workingDir.toAbsolutePath()).resolve("results").resolve(date + "-" + host));
    }

    /** The benchmarks module at or above {@code dir}; {@code dir/benchmarks} when there is none. */
    static Path benchmarksModule(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(MARKER))) {
                return at;
            }
            if (Files.isRegularFile(at.resolve("benchmarks").resolve(MARKER))) {
                return at.resolve("benchmarks");
            }
        }
        return dir.resolve("benchmarks");
    }

    /** {@code folder}, or the first of {@code folder-2}, {@code folder-3}... that holds no report yet. */
    static Path unused(Path folder) {
        Path candidate = folder;
        for (int n = 2; Files.exists(candidate.resolve("report.md")); n++) {
            candidate = folder.resolveSibling(folder.getFileName() + "-" + n);
        }
        return candidate;
    }
}
