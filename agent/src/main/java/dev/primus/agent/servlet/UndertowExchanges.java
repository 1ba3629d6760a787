package dev.primus.agent.servlet;

import java.lang.reflect.Method;

/**
 * The servlet request and response on an Undertow {@code HttpServerExchange}: its
 * {@code ServletRequestContext} attachment, read by reflection (Undertow is the app's library).
 * A replacement request is put back on that context, where the filter chain reads it.
 */
final class UndertowExchanges {
    private static final String CONTEXT = "io.undertow.servlet.handlers.ServletRequestContext";

    /** Per exchange class: {@code ServletRequestContext.ATTACHMENT_KEY} and {@code getAttachment}, or null. */
    private static final ClassValue<Object[]> ATTACHMENT = new ClassValue<Object[]>() {
        @Override
        protected Object[] computeValue(Class<?> exchangeClass) {
            try {
                Class<?> context = Class.forName(CONTEXT, false, exchangeClass.getClassLoader());
                Object key = context.getField("ATTACHMENT_KEY").get(null);
                for (Method method : exchangeClass.getMethods()) {
                    if (method.getName().equals("getAttachment") && method.getParameterTypes().length == 1) {
                        return new Object[] {key, method};
                    }
                }
                return null;
            } catch (ReflectiveOperationException | LinkageError e) {
                return null; // Not an Undertow servlet deployment.
            }
        }
    };

    /** Per context class: getServletRequest, getServletResponse, setServletRequest. */
    private static final ClassValue<Method[]> CONTEXT_METHODS = new ClassValue<Method[]>() {
        @Override
        protected Method[] computeValue(Class<?> context) {
            try {
                Method getRequest = context.getMethod("getServletRequest");
                return new Method[] {getRequest, context.getMethod("getServletResponse"),
                    context.getMethod("setServletRequest", getRequest.getReturnType())};
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(context.getName() + " is not the servlet request context expected", e);
            }
        }
    };

    private UndertowExchanges() {
    }

    /** The servlet request context on the exchange, or null when it has none. */
    static Object context(Object exchange) {
        Object[] attachment = ATTACHMENT.get(exchange.getClass());
        return attachment == null ? null : invoke((Method) attachment[1], exchange, attachment[0]);
    }

    static Object request(Object context) {
        return invoke(CONTEXT_METHODS.get(context.getClass())[0], context);
    }

    static Object response(Object context) {
        return invoke(CONTEXT_METHODS.get(context.getClass())[1], context);
    }

    static void setRequest(Object context, Object request) {
        invoke(CONTEXT_METHODS.get(context.getClass())[2], context, request);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Undertow " + method.getName() + " failed", e);
        }
    }
}
