package dev.primus.agent.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@code primus.tenant} and {@code primus.principal} in the app's own MDC while a request
 * runs: SLF4J's {@code MDC} and Log4j2's {@code ThreadContext}, whichever the web app's class
 * loader sees (both, if both are there; with the Log4j2 SLF4J binding they are one store).
 * Found per class loader, since each web app may bring its own copy, and called through method
 * handles: a request reads a published array of the loaders seen so far, without a lock.
 */
final class RequestMdc {
    static final String TENANT = "primus.tenant";
    static final String PRINCIPAL = "primus.principal";

    private static final String[] STORES = {"org.slf4j.MDC", "org.apache.logging.log4j.ThreadContext"};
    private static final MethodType PUT = MethodType.methodType(void.class, String.class, String.class);
    private static final MethodType REMOVE = MethodType.methodType(void.class, String.class);
    /** Past this many loaders (web apps redeployed many times), the oldest are forgotten and found again. */
    private static final int MAX_LOADERS = 64;

    /** One class loader's stores: {@code put} and {@code remove} of each it sees. */
    private static final class Stores {
        final WeakReference<ClassLoader> loader;
        final MethodHandle[] puts;
        final MethodHandle[] removes;

        Stores(ClassLoader loader, MethodHandle[] puts, MethodHandle[] removes) {
            this.loader = new WeakReference<ClassLoader>(loader);
            this.puts = puts;
            this.removes = removes;
        }
    }

    /** Copied on write: requests only read it. */
    private volatile Stores[] known = new Stores[0];

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
        for (Stores stores : known) {
            if (stores.loader.get() == loader) {
                return stores;
            }
        }
        Stores found = find(loader);
        synchronized (this) {
            // Only when a loader is first seen: the list of loaders, copied with the new one first.
            Stores[] current = known;
            List<Stores> next = new ArrayList<Stores>();
            next.add(found);
            for (Stores stores : current) {
                if (stores.loader.get() != null && next.size() < MAX_LOADERS) {
                    next.add(stores);
                }
            }
            known = next.toArray(new Stores[0]);
        }
        return found;
    }

    private static Stores find(ClassLoader loader) {
        List<MethodHandle> puts = new ArrayList<MethodHandle>();
        List<MethodHandle> removes = new ArrayList<MethodHandle>();
        for (String store : STORES) {
            try {
                Class<?> type = Class.forName(store, false, loader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                puts.add(lookup.findStatic(type, "put", PUT));
                removes.add(lookup.findStatic(type, "remove", REMOVE));
            } catch (ReflectiveOperationException | LinkageError e) {
                // This store is not there; the other may be.
            }
        }
        return new Stores(loader, puts.toArray(new MethodHandle[0]), removes.toArray(new MethodHandle[0]));
    }
}
