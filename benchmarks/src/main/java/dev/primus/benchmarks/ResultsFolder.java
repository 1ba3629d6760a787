package dev.primus.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a harness writes a run's files unless told otherwise: {@code benchmarks/results/DATE-HOST/}
 * under the working directory, so the overhead harness and the micro suite of one day on one
 * machine land side by side, and runs of other days or machines never overwrite them.
 */
public final class ResultsFolder {
    private ResultsFolder() {
    }

    /** Today's folder on this machine. */
    public static Path today() {
        return of(LocalDate.now(), hostname());
    }

    /** The folder of {@code date} on {@code host}; characters a file name should not carry become '_'. */
    public static Path of(LocalDate date, String host) {
        return Path.of("benchmarks", "results", date + "-" + safe(host));
    }

    /** This machine's name as a folder name carries it: characters a file name should not carry become '_'. */
    public static String hostName() {
        return safe(hostname());
    }

    private static String safe(String host) {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
