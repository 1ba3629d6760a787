package dev.primus.agent.audit;

import dev.primus.bootstrap.AgentFailures;

/**
 * The request a thread is serving, so that every audit event raised while it runs (an egress
 * call from a controller, a rate limit) carries its {@code trace_id}, {@code span_id},
 * {@code tenant}, {@code principal}, {@code client_ip}, {@code method} and {@code route}. Set
 * by the auth guard when it lets a request through, cleared when the request leaves; an event
 * built on the thread meanwhile gets each field it does not name itself. The fields are read
 * from the request only when the first such event is built, or before the egress engine first
 * judges on the thread ({@link #resolve}): most requests raise none, and the trace id may take a
 * look into the app's MDC or OpenTelemetry span.
 */
public final class RequestContext {
    private static final String[] FIELDS = {"trace_id", "span_id", "tenant", "principal", "client_ip", "method", "route"};
    /** The request's {@link Source} until an event needs its fields, then those fields. */
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<Object>();
    /** The fields of a request being read, or that could not be: none. Never written to. */
    private static final String[] UNKNOWN = new String[FIELDS.length];

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

    /**
     * Reads the current request's fields now, unless they were read: called by a guard before it
     * suspends its own checks on this thread (the egress engine, while it judges), since reading them
     * runs the app's code. They count as read (none known) while they are read, so an event that the
     * app's code raises meanwhile (a denied connect) reads them no second time.
     */
    public static void resolve() {
        Object current = CURRENT.get();
        if (current == null || current instanceof String[]) {
            return;
        }
        CURRENT.set(UNKNOWN);
        String[] values;
        try {
            values = ((Source) current).fields();
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("request fields", failure);
            values = UNKNOWN;
        }
        CURRENT.set(values);
    }

    /** Adds the current request's fields the event does not have; nothing outside a request. */
    static void fillMissing(AuditEvent.Builder event) {
        resolve();
        Object current = CURRENT.get();
        if (current == null) {
            return;
        }
        String[] values = (String[]) current;
        for (int i = 0; i < FIELDS.length; i++) {
            event.contextIfAbsent(FIELDS[i], values[i]);
        }
    }
}
