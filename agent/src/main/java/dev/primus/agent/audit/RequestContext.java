package dev.primus.agent.audit;

/**
 * The request a thread is serving, so that every audit event raised while it runs (an egress
 * call from a controller, a rate limit) carries its {@code trace_id}, {@code span_id},
 * {@code tenant}, {@code principal}, {@code client_ip}, {@code method} and {@code route}. Set
 * by the auth guard when it lets a request through, cleared when the request leaves; an event
 * built on the thread meanwhile gets each field it does not name itself. The fields are read
 * from the request only when the first such event is built: most requests raise none, and the
 * trace id may take a look into the app's MDC or OpenTelemetry span.
 */
public final class RequestContext {
    private static final String[] FIELDS = {"trace_id", "span_id", "tenant", "principal", "client_ip", "method", "route"};
    /** The request's {@link Source} until an event needs its fields, then those fields. */
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<Object>();

    /** Reads a request's fields, in the order trace_id, span_id, tenant, principal, client_ip, method, route. */
    public interface Source {
        String[] fields();
    }

    private RequestContext() {
    }

    /** The request now served on this thread, read when an event first needs it; null fields are left out. */
    public static void enter(Source request) {
        CURRENT.set(request);
    }

    public static void leave() {
        // set, not remove: the thread's entry stays, so the next request on a pooled thread allocates none.
        CURRENT.set(null);
    }

    /** Adds the current request's fields the event does not have; nothing outside a request. */
    static void fillMissing(AuditEvent.Builder event) {
        Object current = CURRENT.get();
        if (current == null) {
            return;
        }
        String[] values;
        if (current instanceof String[]) {
            values = (String[]) current;
        } else {
            values = ((Source) current).fields();
            CURRENT.set(values);
        }
        for (int i = 0; i < FIELDS.length; i++) {
            event.contextIfAbsent(FIELDS[i], values[i]);
        }
    }
}
