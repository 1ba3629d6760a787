package dev.primus.agent.servlet;

/**
 * One thread's container entries under way, innermost last, each with the request it carries
 * (the container's own request under every wrapper). An entry for a request an outer entry
 * already carries is nested: the filter chain re-entered for the next filter, a forward. A
 * request is judged at its outermost entry only, and what that entry set up is undone when it
 * leaves.
 *
 * <p>Held by the engine, in the sealed module. Code in the app can still leave a frame behind on a
 * pooled thread: enter through the public gate during a request and never leave, so that the
 * container's own leaving pops that frame and its own stays, carrying the container's request
 * object, which Tomcat recycles for the thread's next request. So a frame counts as the same
 * request only while the request holds the frame's mark, an attribute set when the frame judged
 * it: the container clears a request's attributes when it recycles it, and the next request on
 * the thread is judged. Not thread-safe: one per thread.
 */
final class RequestFrames {
    /** Deeper entries are still counted, so pushes and pops pair, but never found as carrying a request. */
    private static final int MAX_FRAMES = 16;
    /** The request attribute that holds the mark of the frame that judged the request. */
    static final String MARK = "dev.primus.agent.frame";

    private final Object[] requests = new Object[MAX_FRAMES];
    private final boolean[] mdcSet = new boolean[MAX_FRAMES];
    /** One mark per depth, this thread's own: made once, so that marking a request allocates nothing. */
    private final Object[] marks = new Object[MAX_FRAMES];
    private int depth;

    RequestFrames() {
        for (int i = 0; i < MAX_FRAMES; i++) {
            marks[i] = new Object();
        }
    }

    /** A request's attributes, as the servlet API reads and sets them: {@link ServletApi} in the agent. */
    interface Attributes {
        Object attribute(Object request, String name);

        void setAttribute(Object request, String name, Object value);
    }

    /**
     * Enters a frame for {@code request}, the container's own object under every wrapper; true
     * when an outer frame judged this same request. {@code api} reads and sets the mark; null for
     * a request of no servlet API this agent knows, then compared by identity alone.
     */
    boolean push(Object request, Attributes api) {
        boolean nested = false;
        for (int i = 0; i < Math.min(depth, MAX_FRAMES); i++) {
            if (requests[i] == request && (api == null || api.attribute(request, MARK) == marks[i])) {
                nested = true;
                break;
            }
        }
        if (depth < MAX_FRAMES) {
            requests[depth] = nested ? null : request;
            mdcSet[depth] = false;
            if (!nested && api != null) {
                api.setAttribute(request, MARK, marks[depth]);
            }
        }
        depth++;
        return nested;
    }

    /**
     * Keeps the innermost frame alone, as the outermost: the frames below it are left over from
     * earlier requests on this pooled thread (see the class comment), since a request a thread
     * starts serving is the only one under way on it. Its request is marked again for its new
     * depth. True when a frame dropped had set MDC keys.
     */
    boolean dropAllButInnermost(Object request, Attributes api) {
        if (depth <= 1 || depth > MAX_FRAMES) {
            return false;
        }
        boolean hadMdc = false;
        for (int i = 0; i < depth - 1; i++) {
            hadMdc |= mdcSet[i];
            requests[i] = null;
            mdcSet[i] = false;
        }
        requests[0] = requests[depth - 1];
        mdcSet[0] = mdcSet[depth - 1];
        requests[depth - 1] = null;
        mdcSet[depth - 1] = false;
        depth = 1;
        if (api != null) {
            api.setAttribute(request, MARK, marks[0]);
        }
        return hadMdc;
    }

    /** Whether frames stand below the innermost one. */
    boolean hasFramesBelow() {
        return depth > 1;
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
