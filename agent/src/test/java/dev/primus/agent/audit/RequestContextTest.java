package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events raised while a request runs carry its fields; fields an event names itself stay its own. */
class RequestContextTest {
    @Test
    void anEventBuiltDuringARequestCarriesItsFieldsAndNoneAfter() {
        int[] reads = {0};
        RequestContext.enter(() -> {
            reads[0]++;
            return new String[] {"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "globex", "bob", "10.1.2.3", "GET",
                "/api/orders"};
        });
        AuditEvent during;
        AuditEvent named;
        try {
            during = AuditEvent.of("egress", "denied").reason("r").build();
            named = AuditEvent.of("rate_limit", "denied").context("route", "/api/orders/{id}").build();
        } finally {
            RequestContext.leave();
        }
        AuditEvent after = AuditEvent.of("egress", "denied").reason("r").build();
        assertEquals(1, reads[0], "the request is read once, when the first event needs it");
        Map<String, String> context = during.context();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.get("trace_id"));
        assertEquals("00f067aa0ba902b7", context.get("span_id"));
        assertEquals("globex", context.get("tenant"));
        assertEquals("bob", context.get("principal"));
        assertEquals("10.1.2.3", context.get("client_ip"));
        assertEquals("GET", context.get("method"));
        assertEquals("/api/orders", context.get("route"));
        assertEquals("/api/orders/{id}", named.context().get("route"), "a field the event names is its own");
        assertEquals("bob", named.context().get("principal"));
        assertTrue(after.context().isEmpty(), "nothing after the request left: " + after.context());
    }

    @Test
    void anUnknownFieldIsLeftOut() {
        RequestContext.enter(() -> new String[] {null, null, null, "partner-a", null, "POST", "/webhooks/stripe"});
        try {
            Map<String, String> context = AuditEvent.of("egress", "denied").build().context();
            assertEquals(Map.of("principal", "partner-a", "method", "POST", "route", "/webhooks/stripe"), context);
        } finally {
            RequestContext.leave();
        }
    }

    /**
     * Reading a request runs the app's code (its header, its span, its MDC), which may raise an event
     * itself (a connect of its own, denied): that event carries no fields, and the request is read once.
     */
    @Test
    void anEventRaisedWhileTheRequestIsReadReadsItNoSecondTime() {
        int[] reads = {0};
        AuditEvent[] raised = new AuditEvent[1];
        RequestContext.enter(() -> {
            reads[0]++;
            raised[0] = AuditEvent.of("egress", "denied").reason("the app's own connect").build();
            return new String[] {null, null, null, "bob", null, "GET", "/api/orders"};
        });
        AuditEvent event;
        try {
            RequestContext.resolve();
            event = AuditEvent.of("egress", "denied").build();
        } finally {
            RequestContext.leave();
        }
        assertEquals(1, reads[0]);
        assertTrue(raised[0].context().isEmpty(), "raised while the fields were read: " + raised[0].context());
        assertEquals("bob", event.context().get("principal"));
    }

    @Test
    void aRequestThatRaisesNoEventIsNeverRead() {
        RequestContext.enter(() -> {
            throw new AssertionError("read without an event");
        });
        RequestContext.leave();
        assertTrue(AuditEvent.of("egress", "denied").build().context().isEmpty());
    }
}
