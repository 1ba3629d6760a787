package dev.primus.benchmarks.micro;

import java.util.Locale;

/**
 * The allocation rule: a row allocates when its bytes per operation exceed
 * {@link #TOLERANCE_BYTES}, or, for a row measured with the agent, when they exceed its no-agent
 * twin's by more than {@link #TWIN_TOLERANCE_BYTES}; a clean path that allocates fails the run.
 *
 * @param cleanPath    the row is a clean path
 * @param countedBytes the bytes per operation charged to the row; NaN when there is no figure
 * @param over         what was subtracted ("no agent"), or null
 */
record Verdict(boolean cleanPath, double countedBytes, String over) {
    /**
     * JMH's gc.alloc.rate.norm divides the bytes every thread allocated in an iteration (JMH's own
     * and idle background threads' included) by its operations: a path that allocates nothing
     * reads a few thousandths of a byte, not 0; one that allocates an object reads 16 or more.
     */
    static final double TOLERANCE_BYTES = 0.5;
    /**
     * One object, the least a call can allocate. A path that allocates by itself (Logback's call,
     * a socket) moves by a few bytes between JVMs with its speed: work done once per millisecond
     * (Logback's date cache) is shared by fewer or more calls. Less than an object per call is
     * that, not the agent. It can also move by whole objects, with what escape analysis removed
     * in one fork and not in another; that needs forks (the annotations' 5), not a tolerance.
     */
    static final double TWIN_TOLERANCE_BYTES = 16;

    static Verdict of(boolean cleanPath, double bytesPerOp) {
        return new Verdict(cleanPath, bytesPerOp, null);
    }

    /** A row with the agent: what it allocates beyond the same benchmark without it. */
    static Verdict over(boolean cleanPath, double bytesPerOp, double withoutAgent) {
        return new Verdict(cleanPath, bytesPerOp - withoutAgent, "no agent");
    }

    boolean judged() {
        return !Double.isNaN(countedBytes);
    }

    boolean allocates() {
        return judged() && countedBytes > (over == null ? TOLERANCE_BYTES : TWIN_TOLERANCE_BYTES);
    }

    boolean failsCleanPath() {
        return cleanPath && allocates();
    }

    /** "0 B", "allocates 24 B", with " over no agent" when a baseline was subtracted; "no figure" without one. */
    String text() {
        if (!judged()) {
            return "no figure";
        }
        String bytes = allocates() ? String.format(Locale.ROOT, "allocates %d B", Math.round(countedBytes)) : "0 B";
        return over == null ? bytes : bytes + " over " + over;
    }
}
