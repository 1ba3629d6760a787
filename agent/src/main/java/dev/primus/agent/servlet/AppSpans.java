package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The OpenTelemetry span active on this thread, when the web app has the OpenTelemetry API (with
 * or without its agent): read through the API's public methods found in the app's own class
 * loader, never linked against, so the agent carries none of it.
 */
final class AppSpans {
    /** {@code Span.current()}, {@code getSpanContext()}, {@code isValid()}, {@code getTraceId()}, {@code getSpanId()}. */
    private static final MethodHandle[] NONE = new MethodHandle[0];

    private final PerLoader<MethodHandle[]> api = new PerLoader<MethodHandle[]>(new PerLoader.Finder<MethodHandle[]>() {
        @Override
        public MethodHandle[] find(ClassLoader loader) {
            return AppSpans.find(loader);
        }
    });

    /** The active span's trace and span ids, or null when there is none or no OpenTelemetry API. */
    String[] current() {
        MethodHandle[] handles = api.of(Thread.currentThread().getContextClassLoader());
        if (handles.length == 0) {
            return null;
        }
        try {
            Object span = handles[0].invoke();
            Object context = span == null ? null : handles[1].invoke(span);
            if (context == null || !(boolean) handles[2].invoke(context)) {
                return null;
            }
            return new String[] {(String) handles[3].invoke(context), (String) handles[4].invoke(context)};
        } catch (Throwable failure) {
            throw new IllegalStateException("reading the OpenTelemetry span failed", failure);
        }
    }

    private static MethodHandle[] find(ClassLoader loader) {
        try {
            Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", false, loader);
            Class<?> context = Class.forName("io.opentelemetry.api.trace.SpanContext", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new MethodHandle[] {
                lookup.findStatic(span, "current", MethodType.methodType(span)),
                lookup.findVirtual(span, "getSpanContext", MethodType.methodType(context)),
                lookup.findVirtual(context, "isValid", MethodType.methodType(boolean.class)),
                lookup.findVirtual(context, "getTraceId", MethodType.methodType(String.class)),
                lookup.findVirtual(context, "getSpanId", MethodType.methodType(String.class)),
            };
        } catch (ReflectiveOperationException | LinkageError absent) {
            return NONE;
        }
    }
}
