package dev.primus.benchmarks.reference.warlauncher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The launcher's arguments: {@code --port=18082}, {@code --downstream-port=18092} and
 * {@code --war=PATH} (the bundled WAR when absent).
 */
final class LaunchOptions {
    static final int DEFAULT_PORT = 18082;
    static final String USAGE = "usage: java -jar reference-war-launcher.jar [--port=18082] [--downstream-port=N] [--war=PATH]";

    final int port;
    /** Empty: the WAR's own default (its web.xml). */
    final Optional<Integer> downstreamPort;
    /** Empty: the WAR bundled in the launcher. */
    final Optional<Path> war;

    private LaunchOptions(int port, Optional<Integer> downstreamPort, Optional<Path> war) {
        this.port = port;
        this.downstreamPort = downstreamPort;
        this.war = war;
    }

    static LaunchOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        Optional<Integer> downstreamPort = Optional.empty();
        Optional<Path> war = Optional.empty();
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = port(arg, "--port=");
            } else if (arg.startsWith("--downstream-port=")) {
                downstreamPort = Optional.of(port(arg, "--downstream-port="));
            } else if (arg.startsWith("--war=")) {
                Path path = Path.of(arg.substring("--war=".length()));
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("no WAR file at " + path.toAbsolutePath() + "; " + USAGE);
                }
                war = Optional.of(path);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; " + USAGE);
            }
        }
        return new LaunchOptions(port, downstreamPort, war);
    }

    private static int port(String arg, String prefix) {
        try {
            int port = Integer.parseInt(arg.substring(prefix.length()));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + " takes a port from 1 to 65535, not " + arg.substring(prefix.length()) + "; " + USAGE);
        }
    }
}
