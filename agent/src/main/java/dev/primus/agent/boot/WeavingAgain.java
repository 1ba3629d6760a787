package dev.primus.agent.boot;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.instrumentation.weaving.PatchWeaver;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Weaves again, by retransforming, a hooked class that the JVM defined unwoven: code that first
 * loads such a class with its stack nearly full (Tomcat's filter chain, Logback's appender)
 * overflows the weaver, or the JVM's own call into it, and the JVM then defines the class as it
 * is; a transformer has no way to fail a load instead. The weaver says which classes of a patched
 * name it saw through ({@link #transformed}); this class's thread, started with the agent, looks
 * among the loaded classes (never loading one, which could race its definition) for a class of a
 * patched name that the weaver never saw through, and retransforms it on a stack of its own:
 * every {@link #SCAN_NANOS}, and every {@link #URGENT_NANOS} while the weaver has said a class
 * failed and it is not woven yet. Until then the class runs unwoven: milliseconds when the weaver
 * could tell, up to a scan period when the overflow struck before it could.
 */
final class WeavingAgain implements PatchWeaver.LaterWeaving, Runnable {
    private static final long SCAN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long URGENT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long URGENT_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Instrumentation instrumentation;
    private final PatchWeaver weaver;
    private final Thread thread;
    /** Which classes of a patched name the weaver saw through, by their loader (null: the boot loader's). */
    private final Map<ClassLoader, Set<String>> transformed = new WeakHashMap<ClassLoader, Set<String>>();
    private final Set<String> transformedByBoot = new HashSet<String>();
    /** Classes retransformed once already: one whose retransform failed is not tried at every scan. */
    private final Set<Class<?>> tried = Collections.newSetFromMap(new WeakHashMap<Class<?>, Boolean>());
    private final AtomicBoolean urgent = new AtomicBoolean();
    private volatile long urgentSince;

    /** Not started: {@link #start} starts it; a test scans with {@link #weaveWhatRunsUnwoven} itself. */
    WeavingAgain(Instrumentation instrumentation, PatchWeaver weaver) {
        this.instrumentation = instrumentation;
        this.weaver = weaver;
        this.thread = new Thread(this, "primus-weave-again");
        thread.setDaemon(true);
    }

    /** Started now, with the agent: the thread whose load failed to weave has no stack left to start one. */
    static WeavingAgain start(Instrumentation instrumentation, PatchWeaver weaver) {
        WeavingAgain weaving = new WeavingAgain(instrumentation, weaver);
        weaver.weaveLater(weaving);
        weaving.thread.start();
        return weaving;
    }

    @Override
    public void unwoven(ClassLoader loader, String className) {
        urgentSince = System.nanoTime();
        urgent.set(true);
        LockSupport.unpark(thread);
    }

    @Override
    public void transformed(ClassLoader loader, String className) {
        String name = className.replace('/', '.');
        synchronized (transformed) {
            if (loader == null) {
                transformedByBoot.add(name);
            } else {
                Set<String> names = transformed.get(loader);
                if (names == null) {
                    names = new HashSet<String>();
                    transformed.put(loader, names);
                }
                names.add(name);
            }
        }
    }

    private boolean wasTransformed(Class<?> type) {
        synchronized (transformed) {
            ClassLoader loader = type.getClassLoader();
            Set<String> names = loader == null ? transformedByBoot : transformed.get(loader);
            return names != null && names.contains(type.getName());
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                try {
                    boolean hurry = urgent.get() && System.nanoTime() - urgentSince < URGENT_FOR_NANOS;
                    if (Thread.interrupted()) { // only code in the app interrupts it; a park would return at once
                        AgentFailures.record("primus-weave-again interrupted by code in the app; it goes on",
                                new InterruptedException());
                    }
                    LockSupport.parkNanos(this, hurry ? URGENT_NANOS : SCAN_NANOS);
                    if (weaveWhatRunsUnwoven() == 0 && !hurry) {
                        urgent.set(false);
                    }
                } catch (Throwable failure) {
                    // Or a Thread.stop from app code (JDK 8 to 19), wherever it lands: this thread goes on.
                    AgentFailures.record("weaving a class again", failure);
                }
            } catch (Throwable stoppedAgain) {
                // A second Thread.stop while the first was being recorded.
            }
        }
    }

    /** Retransforms each loaded class of a patched name that the weaver never saw through; how many. */
    int weaveWhatRunsUnwoven() {
        int retransformed = 0;
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (weaver.patches(type) && !wasTransformed(type) && instrumentation.isModifiableClass(type)
                    && tried.add(type)) {
                try {
                    instrumentation.retransformClasses(type);
                    retransformed++;
                    PrimusLog.warn("weaving: " + type.getName() + " was loaded without its hooks (the weaver's stack "
                            + "overflowed?) and is woven now");
                } catch (Throwable failure) {
                    AgentFailures.record("weaving " + type.getName() + " again", failure);
                }
            }
        }
        return retransformed;
    }
}
