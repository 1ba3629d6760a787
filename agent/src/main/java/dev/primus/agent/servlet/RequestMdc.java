package dev.primus.agent.servlet;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Puts {@code primus.tenant} and {@code primus.principal} in the app's own MDC while a request
 * runs: SLF4J's {@code MDC} and Log4j2's {@code ThreadContext}, whichever the web app's class
 * loader sees (both, if both are there; with the Log4j2 SLF4J binding they are one store).
 * Found by reflection per class loader, since each web app may bring its own copy.
 */
final class RequestMdc {
    static final String TENANT = "primus.tenant";
    static final String PRINCIPAL = "primus.principal";

    private static final String[][] STORES = {
        {"org.slf4j.MDC", "put", "remove"},
        {"org.apache.logging.log4j.ThreadContext", "put", "remove"},
    };
    private static final Method[] NONE = new Method[0];

    private final Map<ClassLoader, Method[]> byLoader = new WeakHashMap<ClassLoader, Method[]>();
    /** The last loader asked for and its methods: a server usually runs one web app. */
    private volatile Object[] last = {null, NONE};

    /** Sets the keys with a value; returns whether it set any, so the caller knows to clear. */
    boolean put(String tenant, String principal) {
        Method[] methods = methods(Thread.currentThread().getContextClassLoader());
        if (methods.length == 0 || (tenant == null && principal == null)) {
            return false;
        }
        for (int i = 0; i < methods.length; i += 2) {
            invoke(methods[i], TENANT, tenant);
            invoke(methods[i], PRINCIPAL, principal);
        }
        return true;
    }

    void clear() {
        Method[] methods = methods(Thread.currentThread().getContextClassLoader());
        for (int i = 1; i < methods.length; i += 2) {
            invoke(methods[i], TENANT);
            invoke(methods[i], PRINCIPAL);
        }
    }

    private Method[] methods(ClassLoader loader) {
        Object[] cached = last;
        if (cached[0] == loader && loader != null) {
            return (Method[]) cached[1];
        }
        Method[] methods;
        synchronized (byLoader) {
            methods = byLoader.get(loader);
            if (methods == null) {
                methods = find(loader);
                byLoader.put(loader, methods);
            }
        }
        last = new Object[] {loader, methods};
        return methods;
    }

    /** put and remove of each store the loader sees, in pairs. */
    private static Method[] find(ClassLoader loader) {
        java.util.List<Method> found = new java.util.ArrayList<Method>();
        for (String[] store : STORES) {
            try {
                Class<?> type = Class.forName(store[0], false, loader);
                Method put = type.getMethod(store[1], String.class, String.class);
                Method remove = type.getMethod(store[2], String.class);
                found.add(put);
                found.add(remove);
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                // This store is not there; the other may be.
            }
        }
        return found.toArray(NONE);
    }

    private static void invoke(Method method, Object... arguments) {
        if (arguments.length == 2 && arguments[1] == null) {
            return;
        }
        try {
            method.invoke(null, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method.getDeclaringClass().getName() + "." + method.getName() + " failed", e);
        }
    }
}
