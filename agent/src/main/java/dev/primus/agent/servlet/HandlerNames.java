package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The name a rule's {@code match.handler} uses for a Spring MVC handler:
 * {@code com.acme.OrderController#refund}, read from a {@code HandlerMethod} through method
 * handles resolved once per class (its bean type is the user class, never the CGLIB proxy). Each
 * name is made once and kept with its bean type, so a request builds no string.
 */
final class HandlerNames {
    /** A {@code HandlerMethod}'s {@code getBeanType} and {@code getMethod}. */
    private static final class Accessors {
        final MethodHandle beanType;
        final MethodHandle method;

        Accessors(Class<?> type) throws ReflectiveOperationException {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            beanType = lookup.unreflect(type.getMethod("getBeanType")).asType(MethodType.methodType(Class.class, Object.class));
            method = lookup.unreflect(type.getMethod("getMethod")).asType(MethodType.methodType(Method.class, Object.class));
        }
    }

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<Accessors>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            try {
                return new Accessors(type);
            } catch (ReflectiveOperationException e) {
                return null; // Not a HandlerMethod: a plain Controller or HttpRequestHandler.
            }
        }
    };

    /** Names made so far, by bean type and method: a class's methods bound them, and they go with the class. */
    private static final ClassValue<ConcurrentMap<Method, String>> NAMES = new ClassValue<ConcurrentMap<Method, String>>() {
        @Override
        protected ConcurrentMap<Method, String> computeValue(Class<?> beanType) {
            return new ConcurrentHashMap<Method, String>();
        }
    };

    private HandlerNames() {
    }

    /** The handler's name, or null when it is not a handler method. */
    static String of(Object handler) {
        Accessors accessors = handler == null ? null : ACCESSORS.get(handler.getClass());
        if (accessors == null) {
            return null;
        }
        try {
            Class<?> beanType = (Class<?>) accessors.beanType.invokeExact(handler);
            Method method = (Method) accessors.method.invokeExact(handler);
            ConcurrentMap<Method, String> names = NAMES.get(beanType);
            String name = names.get(method);
            if (name == null) {
                name = beanType.getName() + "#" + method.getName();
                names.putIfAbsent(method, name);
            }
            return name;
        } catch (Throwable failure) {
            throw new IllegalStateException("cannot read the handler method of " + handler.getClass().getName(), failure);
        }
    }
}
