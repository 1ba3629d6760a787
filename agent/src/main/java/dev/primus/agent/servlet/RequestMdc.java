package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@code primus.tenant} and {@code primus.principal} in the app's own MDC while a request
 * runs, and reads the trace ids an app keeps there: SLF4J's {@code MDC} and Log4j2's
 * {@code ThreadContext}, whichever the web app's class loader sees: both, if both are there and
 * are two stores. Where they are one (Log4j2's API bridged to SLF4J, {@code log4j-to-slf4j}, as
 * every Spring Boot app has it), the keys are written once: each write costs the store a change,
 * and the next log event a copy of the map. Found per class loader ({@link PerLoader}) and called
 * through method handles.
 */
final class RequestMdc {
    static final String TENANT = "primus.tenant";
    static final String PRINCIPAL = "primus.principal";

    private static final String[] STORES = {"org.slf4j.MDC", "org.apache.logging.log4j.ThreadContext"};
    /** Written into the first store and read from the second, once per class loader: are they one store? */
    private static final String PROBE = "primus.mdc.probe";
    private static final MethodType PUT = MethodType.methodType(void.class, String.class, String.class);
    private static final MethodType REMOVE = MethodType.methodType(void.class, String.class);
    private static final MethodType GET = MethodType.methodType(String.class, String.class);

    /** One class loader's stores: {@code put}, {@code remove} and {@code get} of each it sees. */
    static final class Stores {
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
            return RequestMdc.find(loader, STORES);
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

    /** The stores of {@code storeNames} that {@code loader} sees, a store another one writes to left out. */
    static Stores find(ClassLoader loader, String... storeNames) {
        List<MethodHandle> puts = new ArrayList<MethodHandle>();
        List<MethodHandle> removes = new ArrayList<MethodHandle>();
        List<MethodHandle> gets = new ArrayList<MethodHandle>();
        for (String store : storeNames) {
            try {
                Class<?> type = Class.forName(store, false, loader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle put = lookup.findStatic(type, "put", PUT);
                MethodHandle remove = lookup.findStatic(type, "remove", REMOVE);
                MethodHandle get = lookup.findStatic(type, "get", GET);
                if (!puts.isEmpty() && seesWrites(puts.get(0), removes.get(0), get)) {
                    continue;
                }
                puts.add(put);
                removes.add(remove);
                gets.add(get);
            } catch (ReflectiveOperationException | LinkageError e) {
                // This store is not there; the other may be.
            }
        }
        return new Stores(puts.toArray(new MethodHandle[0]), removes.toArray(new MethodHandle[0]),
                gets.toArray(new MethodHandle[0]));
    }

    /**
     * Whether {@code get} reads what {@code put} writes: a probe key set and removed again on this
     * thread, whose MDC nothing else reads meanwhile. A store that fails the probe counts as separate.
     */
    private static boolean seesWrites(MethodHandle put, MethodHandle remove, MethodHandle get) {
        String value = Long.toHexString(System.nanoTime());
        try {
            put.invokeExact(PROBE, value);
            try {
                return value.equals((String) get.invokeExact(PROBE));
            } finally {
                remove.invokeExact(PROBE);
            }
        } catch (Throwable failure) {
            return false;
        }
    }
}
