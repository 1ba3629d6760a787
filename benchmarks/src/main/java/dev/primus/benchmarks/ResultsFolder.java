package dev.primus.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a run's files go without {@code --out}: {@code benchmarks/results/DATE-HOST/} of the
 * repository the run is started in, found from the working directory upwards, so that a run from
 * the repository root, from {@code benchmarks/} or from deeper lands in the same place. The
 * overhead harness ({@code report.md}) and the micro suite ({@code micro.md}) of one day on one
 * machine land side by side; a second run of either on the same day gets {@code DATE-HOST-2},
 * rather than overwriting the first's files.
 */
public final class ResultsFolder {
    /** What marks the benchmarks module: the overhead harness's README. */
    private static final Path MARKER = Path.of("overhead", "README.md");

    private ResultsFolder() {
    }

    /** Today's folder on this machine for a run whose main file is {@code report}, from the working directory. */
    public static Path today(String report) {
        return defaultFor(Path.of(""), LocalDate.now(), hostName(), report);
    }

    /**
     * The folder of a run started in {@code workingDir} on {@code date} on {@code host}, whose main
     * file is {@code report}: the day's folder, or the first of its {@code -2}, {@code -3}... that
     * holds no such file yet.
     */
    public static Path defaultFor(Path workingDir, LocalDate date, String host, String report) {
        Path folder = benchmarksModule(workingDir.toAbsolutePath()).resolve("results").resolve(date + "-" + safe(host));
        Path candidate = folder;
        for (int n = 2; Files.exists(candidate.resolve(report)); n++) {
            candidate = folder.resolveSibling(folder.getFileName() + "-" + n);
        }
        return candidate;
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

    /** This machine's name as a folder name carries it. */
    private static String hostName() {
        try {
            return safe(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Characters a file name should not carry become '_'. */
    private static String safe(String host) {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
