package dev.primus.bootstrap;

/**
 * The agent's own log lines: one line each, on stderr, prefixed {@code [primus]}.
 *
 * <p>Never through the app's logging framework (it may not be up yet, and touching it from
 * premain can pin the app's logging choice), and never JUL (it can deadlock early in start-up).
 */
public final class PrimusLog {
    private static final String PREFIX = "[primus] ";

    private PrimusLog() {
    }

    public static void info(String message) {
        System.err.println(PREFIX + message);
    }

    public static void warn(String message) {
        System.err.println(PREFIX + "WARN " + message);
    }

    public static void error(String message) {
        System.err.println(PREFIX + "ERROR " + message);
    }
}
