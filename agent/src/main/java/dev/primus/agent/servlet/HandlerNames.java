package dev.primus.agent.servlet;

import java.lang.reflect.Method;

/**
 * The name a rule's {@code match.handler} uses for a Spring MVC handler:
 * {@code com.acme.OrderController#refund}, read from a {@code HandlerMethod} by reflection (its
 * bean type is the user class, never the CGLIB proxy).
 */
final class HandlerNames {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<Method[]>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                return new Method[] {type.getMethod("getBeanType"), type.getMethod("getMethod")};
            } catch (NoSuchMethodException e) {
                return null; // Not a HandlerMethod: a plain Controller or HttpRequestHandler.
            }
        }
    };

    private HandlerNames() {
    }

    /** The handler's name, or null when it is not a handler method. */
    static String of(Object handler) {
        Method[] accessors = handler == null ? null : ACCESSORS.get(handler.getClass());
        if (accessors == null) {
            return null;
        }
        try {
            Class<?> beanType = (Class<?>) accessors[0].invoke(handler);
            Method method = (Method) accessors[1].invoke(handler);
            return beanType.getName() + "#" + method.getName();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the handler method of " + handler.getClass().getName(), e);
        }
    }
}
