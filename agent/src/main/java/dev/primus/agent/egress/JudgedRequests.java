package dev.primus.agent.egress;

import dev.primus.agent.audit.RequestContext;
import java.net.InetAddress;
import java.net.URL;

/**
 * One thread's HTTP connect steps under way, innermost last, each with the URL it was judged
 * for (null when its request was not judged: the agent's own request, or a denied carried one).
 * A socket opened inside a step to that URL's own host and port belongs to that request. Held by
 * the engine, in the sealed module, so nothing in the app can push a frame without its URL being
 * judged; a nested request pushes a frame of its own and is judged like any other.
 *
 * <p>Also marks the thread while the engine itself runs ({@link #inside}), so what the engine
 * does (a name lookup, an audit write) is never judged again. Not thread-safe: one per thread.
 */
final class JudgedRequests {
    /** Deeper frames are still counted, so enters and leaves pair, but carry no judged URL. */
    private static final int MAX_FRAMES = 16;

    private final URL[] urls = new URL[MAX_FRAMES];
    private int depth;
    boolean inside;
    /**
     * The address object and port the last socket check on this thread allowed, until the JDK's
     * own connect below it ({@code Net.connect}) asks again for that very object: judged once.
     */
    private InetAddress allowedAddress;
    private int allowedPort;

    /**
     * The engine judges on this thread from here on, its checks suspended until {@link #inside} is
     * cleared. The request the thread serves has its fields read first ({@link RequestContext#resolve}):
     * reading them runs the app's code (the request's header, its OpenTelemetry span, its MDC), and
     * that code must be judged like any other, never run while the checks are suspended, as it would
     * if the first audit event the engine builds read them.
     */
    void enterEngine() {
        RequestContext.resolve();
        inside = true;
    }

    void allowed(InetAddress address, int port) {
        allowedAddress = address;
        allowedPort = port;
    }

    /**
     * Whether the last socket check allowed this very address object and port, and its connect
     * has not reached the JDK's {@code Net.connect} yet: {@code Socket.connect} asks, then the
     * socket's implementation asks again for the same endpoint. Leaves the mark for {@link #takeAllowed}.
     */
    boolean justAllowed(InetAddress address, int port) {
        return address != null && address == allowedAddress && port == allowedPort;
    }

    /** Whether this is the connect the last socket check allowed; true once. */
    boolean takeAllowed(InetAddress address, int port) {
        boolean same = address == allowedAddress && port == allowedPort;
        allowedAddress = null;
        return same;
    }

    void push(URL judged) {
        if (depth < MAX_FRAMES) {
            urls[depth] = judged;
        }
        depth++;
    }

    void pop() {
        if (depth > 0) {
            depth--;
            if (depth < MAX_FRAMES) {
                urls[depth] = null;
            }
        }
    }

    /** Replaces the innermost frame's URL, once its request has been judged. */
    void judged(URL url) {
        if (depth > 0 && depth <= MAX_FRAMES) {
            urls[depth - 1] = url;
        }
    }

    /** The URL the innermost step was judged for, or null. */
    URL innermost() {
        return depth > 0 && depth <= MAX_FRAMES ? urls[depth - 1] : null;
    }

    /** The URL the step around the innermost one was judged for, or null. */
    URL outer() {
        return depth > 1 && depth <= MAX_FRAMES ? urls[depth - 2] : null;
    }
}
