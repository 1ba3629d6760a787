package dev.primus.agent.masking;

/**
 * A found value packed in one long, start in the high half and end (exclusive) in the low half,
 * so that a detector can answer without allocating on the clean path.
 */
final class Match {
    static final long NONE = -1L;

    private Match() {
    }

    static long of(int start, int end) {
        return ((long) start << 32) | (end & 0xFFFFFFFFL);
    }

    static int start(long match) {
        return (int) (match >>> 32);
    }

    static int end(long match) {
        return (int) match;
    }

    /** Whether {@code candidate} beats {@code best}: it starts earlier or, at the same start, is longer. */
    static boolean beats(long candidate, long best) {
        if (candidate == NONE) {
            return false;
        }
        if (best == NONE) {
            return true;
        }
        int start = start(candidate);
        int bestStart = start(best);
        return start < bestStart || (start == bestStart && end(candidate) > end(best));
    }
}
