package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TraceParentTest {
    private static final String HEADER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTheTraceAndSpanIdsOfAW3cHeader() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", TraceParent.traceId(HEADER));
        assertEquals("00f067aa0ba902b7", TraceParent.spanId(HEADER));
    }

    @Test
    void ignoresAbsentMalformedAndInvalidHeaders() {
        assertNull(TraceParent.traceId(null));
        assertNull(TraceParent.traceId("garbage"));
        assertNull(TraceParent.traceId(HEADER.toUpperCase()), "hex is lower case");
        assertNull(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), "all-zero trace id");
        assertNull(TraceParent.traceId("ff" + HEADER.substring(2)), "version ff is invalid");
    }

    @Test
    void takesOnlyHexIdsFromTheMdc() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", TraceParent.mdcTraceId("4BF92F3577B34DA6A3CE929D0E0E4736"));
        assertEquals("0000000000000000a3ce929d0e0e4736", TraceParent.mdcTraceId("a3ce929d0e0e4736"), "64-bit B3 id");
        assertEquals("00f067aa0ba902b7", TraceParent.mdcSpanId("00f067aa0ba902b7"));
        assertNull(TraceParent.mdcTraceId("\",\"outcome\":\"allowed"), "a caller's text from a header");
        assertNull(TraceParent.mdcTraceId("4bf92f3577b34da6a3ce929d0e0e473"), "31 digits");
        assertNull(TraceParent.mdcTraceId(""));
        assertNull(TraceParent.mdcSpanId("4bf92f3577b34da6a3ce929d0e0e4736"), "a span id has 16 digits");
    }
}
