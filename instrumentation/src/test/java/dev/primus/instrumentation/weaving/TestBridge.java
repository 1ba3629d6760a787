package dev.primus.instrumentation.weaving;

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

    /** The value and what owns the field it is stored in. */
    public static String ownedBy(String value, Object owner) {
        return value + " in " + (owner == null ? "null" : owner.getClass().getSimpleName());
    }

    public static String greetedBy(String value, String name, Object owner) {
        return value + " (" + name + ") in " + owner.getClass().getSimpleName();
    }

    public static String hide(String text) {
        return text.replace("secret", "******");
    }

    public static Object hideAll(Object words) {
        String[] copy = ((String[]) words).clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = hide(copy[i]);
        }
        return copy;
    }

    public static void exitWith(Object self) {
        CALLS.add("exit with " + self.getClass().getSimpleName());
    }

    /** Answers "answer-me" itself (null), swaps "swap-me" for a new request, passes others as they are. */
    @SuppressWarnings("unchecked")
    public static Object admit(Object request, Object response) {
        CALLS.add("admit " + request);
        if ("answer-me".equals(request.toString())) {
            ((java.util.List<String>) response).add("answered by the bridge");
            return null;
        }
        return "swap-me".equals(request.toString()) ? new StringBuilder("swapped") : request;
    }

    /** The handler-shaped guard: the argument first, then the response list. */
    public static Object admitHandler(Object handler, Object response) {
        return admit(handler, response);
    }
}
