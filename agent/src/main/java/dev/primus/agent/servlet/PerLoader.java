package dev.primus.agent.servlet;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What was found once per class loader (a web app's MDC, its OpenTelemetry API), since each web
 * app may bring its own copy: a request reads a published array of the loaders seen so far,
 * without a lock; only a loader seen for the first time takes one. Loaders are held weakly, and
 * past {@link #MAX_LOADERS} (an app redeployed many times) the oldest are forgotten and found again.
 */
final class PerLoader<T> {
    private static final int MAX_LOADERS = 64;

    /** Finds what a loader has; called once per loader, and must not throw. */
    interface Finder<T> {
        T find(ClassLoader loader);
    }

    private static final class Found<T> {
        final WeakReference<ClassLoader> loader;
        final T value;

        Found(ClassLoader loader, T value) {
            this.loader = new WeakReference<ClassLoader>(loader);
            this.value = value;
        }
    }

    private final Finder<T> finder;
    /** Copied on write: requests only read it. */
    private volatile Object[] known = new Object[0];

    PerLoader(Finder<T> finder) {
        this.finder = finder;
    }

    @SuppressWarnings("unchecked")
    T of(ClassLoader loader) {
        for (Object entry : known) {
            Found<T> found = (Found<T>) entry;
            if (found.loader.get() == loader) {
                return found.value;
            }
        }
        Found<T> found = new Found<T>(loader, finder.find(loader));
        synchronized (this) {
            // The list of loaders, copied with the new one first.
            Object[] current = known;
            List<Object> next = new ArrayList<Object>();
            next.add(found);
            for (Object entry : current) {
                if (((Found<T>) entry).loader.get() != null && next.size() < MAX_LOADERS) {
                    next.add(entry);
                }
            }
            known = next.toArray();
        }
        return found.value;
    }
}
