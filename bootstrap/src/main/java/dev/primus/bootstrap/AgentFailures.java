package dev.primus.bootstrap;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place where an exception thrown inside agent code ends: it is counted, logged once
 * per place it came from, and swallowed, so the host call goes on as if no agent were there. The
 * checks that deny (egress, auth) first throw on an error that says the JVM could not run them
 * ({@link #rethrowIfOutOfResources}), which must not let a call through.
 *
 * <p>Advice reaches this through the exception handler every hook is woven with; engines and
 * agent threads call {@link #record} from their own catch blocks.
 */
public final class AgentFailures {
    /** Past this many distinct places, failures are still counted but no longer logged. */
    static final int MAX_LOGGED_PLACES = 256;

    private static final AtomicLong COUNT = new AtomicLong();
    private static final ConcurrentHashMap<String, Boolean> LOGGED = new ConcurrentHashMap<String, Boolean>();

    private AgentFailures() {
    }

    /** Called by woven advice when it throws; never throws itself. */
    public static void record(Throwable failure) {
        record("hook", failure);
    }

    /** Counts the failure and logs it the first time this kind of failure comes from this place. */
    public static void record(String where, Throwable failure) {
        try {
            COUNT.incrementAndGet();
            String place = where + ": " + failure.getClass().getName() + " at " + firstFrame(failure);
            if (LOGGED.size() < MAX_LOGGED_PLACES && LOGGED.putIfAbsent(place, Boolean.TRUE) == null) {
                PrimusLog.warn("agent failure in " + place + " (" + failure.getMessage()
                        + "); the host call went on unchanged. Further failures here are only counted.");
            }
        } catch (Throwable ignored) {
            // Reporting must never be the thing that breaks the host.
        }
    }

    /**
     * Throws {@code failure} on when it says the JVM could not run the thread's code (a
     * {@link VirtualMachineError}: its stack or the heap ran out): a guard's check that could not
     * run must not let its call through, or code in the app would fill its stack, or the heap, on
     * purpose to make every check fail open. The error goes on to the app's call, as it would have
     * from any other call there. Called first in the catch blocks of the checks that deny.
     */
    public static void rethrowIfOutOfResources(Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            throw (VirtualMachineError) failure;
        }
    }

    /** How many failures were recorded since the JVM started. */
    public static long count() {
        return COUNT.get();
    }

    private static String firstFrame(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length == 0 ? "unknown" : frames[0].toString();
    }
}
