package dev.primus.agent.servlet;

/**
 * What one container thread keeps for the requests it serves, made once per thread so that a
 * request on a clean path creates no object: its entries under way ({@link RequestFrames}), the
 * view the engine judges a request through, and the request its audit events read
 * ({@link ServedRequest}). Not thread-safe: one per thread.
 */
final class RequestThread {
    final RequestFrames frames = new RequestFrames();
    final ServedRequest served;
    /**
     * The container's request this thread judged at its REQUEST dispatch and is serving, until its
     * outermost frame is left: within it, handler rules apply whatever dispatch type a wrapper claims.
     */
    Object judged;
    private final ServletAuthRequest view = new ServletAuthRequest();
    private boolean viewInUse;

    RequestThread(AppSpans spans, RequestMdc mdc) {
        this.served = new ServedRequest(spans, mdc);
    }

    /**
     * A view of {@code request} to judge it through: this thread's own, or a new one when a
     * judgement starts inside another (app code run by one of the request's getters), so the
     * outer one never reads the inner request.
     */
    ServletAuthRequest view(ServletApi api, Object request, int maxBodyBytes) {
        if (viewInUse) {
            return new ServletAuthRequest().reading(api, request, maxBodyBytes);
        }
        viewInUse = true;
        return view.reading(api, request, maxBodyBytes);
    }

    /** The judgement through {@code used} is over; the view keeps nothing of its request (nor its body). */
    void release(ServletAuthRequest used) {
        used.clear();
        if (used == view) {
            viewInUse = false;
        }
    }
}
