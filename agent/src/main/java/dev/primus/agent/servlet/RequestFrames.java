package dev.primus.agent.servlet;

/**
 * One thread's container entries under way, innermost last, each with the request it carries
 * (the container's own request under every wrapper). An entry for a request an outer entry
 * already carries is nested: the filter chain re-entered for the next filter, a forward. A
 * request is judged at its outermost entry only, and what that entry set up is undone when it
 * leaves.
 *
 * <p>Held by the engine, in the sealed module: an entry can only be pushed by judging its request,
 * so code in the app that leaves one behind on a pooled thread makes the next request on it no
 * less judged. Not thread-safe: one per thread.
 */
final class RequestFrames {
    /** Deeper entries are still counted, so pushes and pops pair, but never found as carrying a request. */
    private static final int MAX_FRAMES = 16;

    private final Object[] requests = new Object[MAX_FRAMES];
    private final boolean[] mdcSet = new boolean[MAX_FRAMES];
    private int depth;

    /** Enters a frame for {@code request}; true when an outer frame carries the same request. */
    boolean push(Object request) {
        boolean nested = false;
        for (int i = 0; i < Math.min(depth, MAX_FRAMES); i++) {
            if (requests[i] == request) {
                nested = true;
                break;
            }
        }
        if (depth < MAX_FRAMES) {
            requests[depth] = nested ? null : request;
            mdcSet[depth] = false;
        }
        depth++;
        return nested;
    }

    /** The innermost frame set MDC keys that its leaving must remove. */
    void markMdcSet() {
        if (depth > 0 && depth <= MAX_FRAMES) {
            mdcSet[depth - 1] = true;
        }
    }

    /** Whether no entry is under way: the request has left the container's thread. */
    boolean isEmpty() {
        return depth == 0;
    }

    /** Leaves the innermost frame; true when it had set MDC keys. */
    boolean pop() {
        if (depth == 0) {
            return false;
        }
        depth--;
        if (depth >= MAX_FRAMES) {
            return false;
        }
        requests[depth] = null;
        boolean hadMdc = mdcSet[depth];
        mdcSet[depth] = false;
        return hadMdc;
    }
}
