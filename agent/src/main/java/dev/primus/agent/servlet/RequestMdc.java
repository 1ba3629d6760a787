package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@code primus.tenant} and {@code primus.principal} in the app's own MDC while a request
 * runs, and reads the trace ids an app keeps there: SLF4J's {@code MDC} and Log4j2's
 * {@code ThreadContext}, whichever the web app's class loader sees (both, if both are there; with
 * the Log4j2 SLF4J binding they are one store). Found per class loader ({@link PerLoader}) and
 * called through method handles.
 */
final class RequestMdc {
    static final String TENANT = "primus.tenant";
    static final String PRINCIPAL = "primus.principal";

    private static final String[] STORES = {"org.slf4j.MDC", "org.apache.logging.log4j.ThreadContext"};
    private static final MethodType PUT = MethodType.methodType(void.class, String.class, String.class);
    private static final MethodType REMOVE = MethodType.methodType(void.class, String.class);
    private static final MethodType GET = MethodType.methodType(String.class, String.class);

    /** One class loader's stores: {@code put}, {@code remove} and {@code get} of each it sees. */
    private static final class Stores {
        final MethodHandle[] puts;
        final MethodHandle[] removes;
        final MethodHandle[] gets;

        Stores(MethodHandle[] puts, MethodHandle[] removes, MethodHandle[] gets) {
            this.puts = puts;
            this.removes = removes;
            this.gets = gets;
        }
    }

    private final PerLoader<Stores> stores = new PerLoader<Stores>(new PerLoader.Finder<Stores>() {
        @Override
        public Stores find(ClassLoader loader) {
            return RequestMdc.find(loader);
        }
    });

    /** Sets the keys with a value; returns whether it set any, so the caller knows to clear. */
    boolean put(String tenant, String principal) {
        Stores stores = storesOf(Thread.currentThread().getContextClassLoader());
        if (stores.puts.length == 0 || (tenant == null && principal == null)) {
            return false;
        }
        for (MethodHandle put : stores.puts) {
            call(put, TENANT, tenant);
            call(put, PRINCIPAL, principal);
        }
        return true;
    }

    /** The value of the first of {@code keys} the app's MDC holds on this thread, or null. */
    String first(String... keys) {
        for (MethodHandle get : storesOf(Thread.currentThread().getContextClassLoader()).gets) {
            for (String key : keys) {
                try {
                    String value = (String) get.invokeExact(key);
                    if (value != null && !value.isEmpty()) {
                        return value;
                    }
                } catch (Throwable failure) {
                    throw new IllegalStateException("MDC get failed", failure);
                }
            }
        }
        return null;
    }
    void clear() {
        for (MethodHandle remove : storesOf(Thread.currentThread().getContextClassLoader()).removes) {
            try {
                remove.invokeExact(TENANT);
                remove.invokeExact(PRINCIPAL);
            } catch (Throwable failure) {
                throw new IllegalStateException("MDC remove failed", failure);
            }
        }
    }

    private static void call(MethodHandle put, String key, String value) {
        if (value == null) {
            return;
        }
        try {
            put.invokeExact(key, value);
        } catch (Throwable failure) {
            throw new IllegalStateException("MDC put failed", failure);
        }
    }

    private Stores storesOf(ClassLoader loader) {
        return stores.of(loader);
    }

    private static Stores find(ClassLoader loader) {
        List<MethodHandle> puts = new ArrayList<MethodHandle>();
        List<MethodHandle> removes = new ArrayList<MethodHandle>();
        List<MethodHandle> gets = new ArrayList<MethodHandle>();
        for (String store : STORES) {
            try {
                Class<?> type = Class.forName(store, false, loader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                puts.add(lookup.findStatic(type, "put", PUT));
                removes.add(lookup.findStatic(type, "remove", REMOVE));
                gets.add(lookup.findStatic(type, "get", GET));
            } catch (ReflectiveOperationException | LinkageError e) {
                // This store is not there; the other may be.
            }
        }
        return new Stores(puts.toArray(new MethodHandle[0]), removes.toArray(new MethodHandle[0]),
                gets.toArray(new MethodHandle[0]));
    }
}
