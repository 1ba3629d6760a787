package dev.primus.agent.audit;

/**
 * The request a thread is serving, so that every audit event raised while it runs (an egress
 * call from a controller, a rate limit) carries its {@code trace_id}, {@code span_id},
 * {@code tenant}, {@code principal}, {@code client_ip}, {@code method} and {@code route}. Set
 * by the auth guard when it lets a request through, cleared when the request leaves; an event
 * built on the thread meanwhile gets each field it does not name itself.
 */
public final class RequestContext {
    private static final String[] FIELDS = {"trace_id", "span_id", "tenant", "principal", "client_ip", "method", "route"};
    private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<String[]>();

    private RequestContext() {
    }

    /** The request now served on this thread; null values are left out of events. */
    public static void enter(String traceId, String spanId, String tenant, String principal, String clientIp,
                             String method, String route) {
        CURRENT.set(new String[] {traceId, spanId, tenant, principal, clientIp, method, route});
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** Adds the current request's fields the event does not have; nothing outside a request. */
    static void fillMissing(AuditEvent.Builder event) {
        String[] values = CURRENT.get();
        if (values == null) {
            return;
        }
        for (int i = 0; i < FIELDS.length; i++) {
            event.contextIfAbsent(FIELDS[i], values[i]);
        }
    }
}
