package dev.primus.instrumentation.boot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Stands in for a bootstrap gate in weaving tests: records calls, denies when told to. */
public final class TestBridge {
    public static final List<String> CALLS = new ArrayList<>();
    public static String denyArgument;

    private TestBridge() {
    }

    public static void check(String argument) throws IOException {
        CALLS.add("check " + argument);
        if (argument != null && argument.equals(denyArgument)) {
            throw new IOException("denied " + argument);
        }
    }

    public static void enter(Object self) throws IOException {
        CALLS.add("enter");
        if ("enter".equals(denyArgument)) {
            throw new IOException("denied at enter");
        }
    }

    public static void exit() {
        CALLS.add("exit");
    }

    public static IOException deny(String argument) {
        CALLS.add("deny? " + argument);
        return argument.equals(denyArgument) ? new IOException("denied " + argument) : null;
    }

    public static Object failedFuture(Throwable denial) {
        return "failed future: " + denial.getMessage();
    }

    @SuppressWarnings("unchecked")
    public static void report(Object channel, Object handler, Object attachment, Object result, Throwable denial) {
        ((java.util.List<String>) handler).add("failed " + attachment + " " + result + " " + denial.getMessage());
    }

    @SuppressWarnings("unchecked")
    public static void failPromise(Object promise, Throwable denial) {
        ((java.util.List<String>) promise).add("failed " + denial.getMessage());
    }
}
