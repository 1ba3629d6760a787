package dev.primus.agent.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * The type-pool cache the agent builder shares between matchers: one bounded LRU of type
 * descriptions per class loader, held weakly so an undeployed web app's loader can be
 * collected. Bounded because a large app loads tens of thousands of types and an unbounded
 * cache would keep every description forever.
 */
final class BoundedTypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
    static final int TYPES_PER_LOADER = 512;

    private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<ClassLoader, TypePool.CacheProvider>();
    private final TypePool.CacheProvider bootstrap = new Lru(TYPES_PER_LOADER);

    BoundedTypePoolCache() {
        super(TypePool.Default.ReaderMode.FAST);
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        synchronized (byLoader) {
            TypePool.CacheProvider cache = byLoader.get(loader);
            if (cache == null) {
                cache = new Lru(TYPES_PER_LOADER);
                byLoader.put(loader, cache);
            }
            return cache;
        }
    }

    /** A least-recently-used cache of type resolutions. */
    static final class Lru implements TypePool.CacheProvider {
        private final Map<String, TypePool.Resolution> resolutions;

        Lru(final int capacity) {
            this.resolutions = new LinkedHashMap<String, TypePool.Resolution>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        public synchronized TypePool.Resolution find(String name) {
            return resolutions.get(name);
        }

        @Override
        public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            TypePool.Resolution existing = resolutions.get(name);
            if (existing != null) {
                return existing;
            }
            resolutions.put(name, resolution);
            return resolution;
        }

        @Override
        public synchronized void clear() {
            resolutions.clear();
        }

        synchronized int size() {
            return resolutions.size();
        }
    }
}
