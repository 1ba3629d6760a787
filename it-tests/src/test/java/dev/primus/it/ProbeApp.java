package dev.primus.it;

import dev.primus.it.apps.EgressProbeApp;
import java.time.Duration;

/** A probe app ({@link EgressProbeApp} unless named) in its own JVM: send a command, read its one result. */
final class ProbeApp implements AutoCloseable {
    private final ForkedApp app;
    private final String name;
    private int results;

    ProbeApp(String name, ForkedApp.Builder builder) throws Exception {
        this(name, builder, EgressProbeApp.class);
    }

    /** Any app that answers one {@code RESULT} line per stdin line, after a {@code READY} line. */
    ProbeApp(String name, ForkedApp.Builder builder, Class<?> mainClass) throws Exception {
        this(name, builder.start(mainClass));
    }

    /** Such an app, already started. */
    ProbeApp(String name, ForkedApp started) throws Exception {
        this.name = name;
        this.app = started;
        app.awaitStdout("READY"::equals, Duration.ofSeconds(60));
    }

    /** Runs one command and returns what follows {@code RESULT }. */
    synchronized String run(String command) throws Exception {
        app.sendLine(command);
        int wanted = ++results;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var lines = app.stdout().stream().filter(l -> l.startsWith("RESULT ")).toList();
            if (lines.size() >= wanted) {
                return lines.get(wanted - 1).substring("RESULT ".length());
            }
            Thread.sleep(5);
        }
        throw new AssertionError(name + ": no result for '" + command + "'\nstderr:\n" + String.join("\n", app.stderr()));
    }

    String name() {
        return name;
    }

    ForkedApp app() {
        return app;
    }

    @Override
    public void close() throws Exception {
        app.sendLine("quit");
        app.awaitExit(Duration.ofSeconds(30));
        app.close();
    }
}
