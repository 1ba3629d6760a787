package dev.primus.agent.servlet;

import dev.primus.agent.audit.AuditValues;
import dev.primus.agent.audit.RequestContext;
import dev.primus.agent.auth.Authenticated;
import dev.primus.bootstrap.AgentFailures;

/**
 * The request a thread has let through, as the audit events raised while it runs read it
 * ({@link RequestContext}): who it is, its trace, address, method and route. Its fields are read
 * from the request only when the first such event is built, since most requests raise none.
 *
 * <p>One per thread ({@link RequestThread}), refilled for each request the thread lets through
 * and emptied when it leaves, so that letting a request through creates no object. Not
 * thread-safe: only its own thread fills it, and {@link RequestContext} reads it on that thread.
 */
final class ServedRequest implements RequestContext.Source {
    private final AppSpans spans;
    private final RequestMdc mdc;
    private ServletApi api;
    private Object request;
    private String method;
    private String rawPath;
    private Authenticated who;

    ServedRequest(AppSpans spans, RequestMdc mdc) {
        this.spans = spans;
        this.mdc = mdc;
    }

    /** Now serving {@code request}, read through {@code api}, as {@code who} (null when nobody was proved). */
    void serve(ServletApi api, Object request, String method, String rawPath, Authenticated who) {
        this.api = api;
        this.request = request;
        this.method = method;
        this.rawPath = rawPath;
        this.who = who;
    }

    /** The request has left the thread: nothing of it is kept. */
    void clear() {
        serve(null, null, null, null, null);
    }

    /**
     * Its trace from the W3C {@code traceparent} header, else the app's active OpenTelemetry
     * span, else a trace id the app keeps in its MDC ({@code trace_id}, {@code traceId},
     * {@code X-B3-TraceId}); then who, the client address, the method and the route.
     */
    @Override
    public String[] fields() {
        if (request == null) {
            return new String[7]; // read after the request left: nothing to tell
        }
        String traceparent = api.header(request, "traceparent");
        String traceId = TraceParent.traceId(traceparent);
        String spanId = TraceParent.spanId(traceparent);
        try {
            if (traceId == null) {
                String[] span = spans.current();
                traceId = span == null ? TraceParent.mdcTraceId(mdc.first("trace_id", "traceId", "X-B3-TraceId")) : span[0];
                spanId = span == null ? TraceParent.mdcSpanId(mdc.first("span_id", "spanId", "X-B3-SpanId")) : span[1];
            }
        } catch (RuntimeException failure) {
            AgentFailures.record("request trace id", failure);
        }
        return new String[] {traceId, spanId, who == null ? null : who.tenant(), who == null ? null : who.principal(),
            api.remoteAddr(request), method, AuditValues.withoutSecrets(ServletAuthRequest.route(rawPath))};
    }
}
