package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The real OpenTelemetry API on the class path, as an app has it: the span the app made current is
 * the one read, through the context class loader, with no link from the agent to the API.
 */
class AppSpansTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void readsTheSpanTheAppMadeCurrent() {
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        AppSpans spans = new AppSpans();
        try (Scope ignored = span.makeCurrent()) {
            assertArrayEquals(new String[] {TRACE, SPAN}, spans.current());
        }
        assertNull(spans.current(), "no span is current once the app's scope closed");
    }

    @Test
    void anAppWithoutTheApiHasNoSpan() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // A loader that sees the JDK only, as a web app without OpenTelemetry does.
        thread.setContextClassLoader(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()));
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            assertNull(new AppSpans().current());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
