package dev.primus.agent.auth;

/**
 * What the auth engine reads of a request, whatever the servlet API: the hook adapts its
 * request to this, and tests build one from plain values.
 */
public interface AuthRequest extends RequestHeaders {
    /** The method as sent, e.g. {@code GET}. */
    String method();

    /** The request target's path as sent, still percent-encoded, without the context path. */
    String rawPath();

    /** The address the request came from, as the container saw it (a proxy's, behind one). */
    String clientIp();

    /**
     * The raw body, read (and kept for the app) only when a rule needs it: a webhook signature.
     * Null when the body is larger than {@code auth.max_body_bytes} or cannot be read.
     */
    byte[] body();
}
