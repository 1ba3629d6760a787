package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * The servlet request and response on an Undertow {@code HttpServerExchange}: its
 * {@code ServletRequestContext} attachment, read through method handles resolved once per class
 * (Undertow is the app's library). A replacement request is put back on that context, where the
 * filter chain reads it.
 */
final class UndertowExchanges {
    private static final String CONTEXT = "io.undertow.servlet.handlers.ServletRequestContext";
    private static final MethodType OBJECT = MethodType.methodType(Object.class, Object.class);

    /** How one exchange class yields its servlet request context: its getAttachment, with the context's key bound. */
    private static final ClassValue<MethodHandle> CONTEXT_OF = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> exchangeClass) {
            try {
                Class<?> context = Class.forName(CONTEXT, false, exchangeClass.getClassLoader());
                Object key = context.getField("ATTACHMENT_KEY").get(null);
                for (Method method : exchangeClass.getMethods()) {
                    if (method.getName().equals("getAttachment") && method.getParameterTypes().length == 1) {
                        MethodHandle getAttachment = MethodHandles.publicLookup().unreflect(method);
                        return MethodHandles.insertArguments(getAttachment.asType(MethodType.methodType(Object.class,
                                Object.class, Object.class)), 1, key);
                    }
                }
                return null;
            } catch (ReflectiveOperationException | LinkageError e) {
                return null; // Not an Undertow servlet deployment.
            }
        }
    };

    /** The servlet request context's accessors, per context class. */
    private static final class ContextAccess {
        final MethodHandle request;
        final MethodHandle response;
        final MethodHandle setRequest;

        ContextAccess(Class<?> context) throws ReflectiveOperationException {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Method getRequest = context.getMethod("getServletRequest");
            request = lookup.unreflect(getRequest).asType(OBJECT);
            response = lookup.unreflect(context.getMethod("getServletResponse")).asType(OBJECT);
            setRequest = lookup.unreflect(context.getMethod("setServletRequest", getRequest.getReturnType()))
                    .asType(MethodType.methodType(void.class, Object.class, Object.class));
        }
    }

    private static final ClassValue<ContextAccess> CONTEXT_ACCESS = new ClassValue<ContextAccess>() {
        @Override
        protected ContextAccess computeValue(Class<?> context) {
            try {
                return new ContextAccess(context);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(context.getName() + " is not the servlet request context expected", e);
            }
        }
    };

    private UndertowExchanges() {
    }

    /** The servlet request context on the exchange, or null when it has none. */
    static Object context(Object exchange) {
        MethodHandle contextOf = CONTEXT_OF.get(exchange.getClass());
        try {
            return contextOf == null ? null : (Object) contextOf.invokeExact(exchange);
        } catch (Throwable failure) {
            throw failed("getAttachment", failure);
        }
    }

    static Object request(Object context) {
        try {
            return (Object) CONTEXT_ACCESS.get(context.getClass()).request.invokeExact(context);
        } catch (Throwable failure) {
            throw failed("getServletRequest", failure);
        }
    }

    static Object response(Object context) {
        try {
            return (Object) CONTEXT_ACCESS.get(context.getClass()).response.invokeExact(context);
        } catch (Throwable failure) {
            throw failed("getServletResponse", failure);
        }
    }

    static void setRequest(Object context, Object request) {
        try {
            CONTEXT_ACCESS.get(context.getClass()).setRequest.invokeExact(context, request);
        } catch (Throwable failure) {
            throw failed("setServletRequest", failure);
        }
    }

    private static IllegalStateException failed(String method, Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        return new IllegalStateException("Undertow " + method + " failed", failure);
    }
}
