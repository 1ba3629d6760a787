package dev.primus.agent.boot;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.status.HookLedger;
import dev.primus.agent.status.LibraryNames;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.weaving.PatchCoverage;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the weaver really did. It counts the JDK's methods woven (for the start-up line), and
 * says when a library class loaded without the method a hook needs (a new release changed
 * it): once per hook and class, a {@code [primus] WARN} line and an {@code agent} audit event
 * {@code hook_missed}, naming the library and version read from its jar. Every hook's weaves and
 * misses go to the {@link HookLedger} that {@code status PID} reads. Jars are read on an agent
 * thread ({@code primus-hooks}, gone after ten idle seconds), never on the class-loading thread,
 * which only records.
 */
final class HookReport implements PatchCoverage {
    /** How long the {@code primus-hooks} thread stays when there is nothing to read: it is started again when needed. */
    private static final long IDLE_SECONDS = 10;

    private final AuditPipeline audit;
    private final String mode;
    private final HookLedger ledger;
    private final AtomicInteger jdkMethodsWoven = new AtomicInteger();
    private final Set<String> said = java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private volatile ExecutorService reporter;

    HookReport(AuditPipeline audit, String mode, HookLedger ledger) {
        this.audit = audit;
        this.mode = mode;
        this.ledger = ledger;
    }

    int jdkMethodsWoven() {
        return jdkMethodsWoven.get();
    }

    @Override
    public void woven(final Patch patch, final ClassLoader loader) {
        final String className = patch.className().replace('/', '.');
        if (loader == null) {
            jdkMethodsWoven.incrementAndGet();
            ledger.woven(patch.hookName(), className, null);
            return;
        }
        // The class is still being defined: its jar is found through its loader, off this thread.
        report(new Runnable() {
            @Override
            public void run() {
                ledger.woven(patch.hookName(), className, location(loader, patch));
            }
        });
    }

    @Override
    public void missed(final Patch patch, ClassLoader loader, final ProtectionDomain domain) {
        if (!said.add(patch.hookName() + " " + patch.target() + " " + System.identityHashCode(loader))) {
            return;
        }
        report(new Runnable() {
            @Override
            public void run() {
                say(patch, LibraryNames.of(domain == null || domain.getCodeSource() == null ? null
                        : domain.getCodeSource().getLocation()));
            }
        });
    }

    private void report(Runnable task) {
        try {
            reporter().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The JVM is stopping and the report was drained; a class loaded now goes unreported.
        }
    }

    private void say(Patch patch, String library) {
        String className = patch.className().replace('/', '.');
        ledger.missed(patch.hookName(), className + " (" + library + "): " + patch.target() + " not found");
        PrimusLog.warn("hook " + patch.hookName() + ": " + className + " loaded (" + library + ") but " + patch.target()
                + " not found; " + consequence(patch));
        audit.offer(AuditEvent.of("agent", "error")
                .mode(mode)
                .reason("hook_missed")
                .detail("hook", patch.hookName())
                .detail("class", className)
                .detail("library", library)
                .detail("missing", patch.target())
                .build());
    }

    /** What the app loses where the hook is missing, by the gate it would have called. */
    private static String consequence(Patch patch) {
        String gate = patch.bridgeClass();
        if (gate.endsWith("EgressGate")) {
            return "egress there falls back to the socket check (url rules cannot allow it)";
        }
        if (gate.endsWith("LogMasking")) {
            return "what this method carries is not masked there";
        }
        return "auth does not judge requests there";
    }

    /** Lets the reports already asked for be said, within {@code millis}; none is asked for after. */
    void drain(long millis) throws InterruptedException {
        ExecutorService current;
        synchronized (this) {
            current = reporter;
        }
        if (current != null) {
            current.shutdown();
            current.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private ExecutorService reporter() {
        ExecutorService current = reporter;
        if (current == null) {
            synchronized (this) {
                if (reporter == null) {
                    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<Runnable>(), new ThreadFactory() {
                                @Override
                                public Thread newThread(Runnable task) {
                                    Thread thread = new Thread(task, "primus-hooks");
                                    thread.setDaemon(true);
                                    return thread;
                                }
                            });
                    executor.allowCoreThreadTimeOut(true);
                    reporter = executor;
                }
                current = reporter;
            }
        }
        return current;
    }

    /**
     * Where the patch's class is loaded from: its jar or folder, found through its loader (an
     * index lookup, no jar is opened); null if unknown. Its library is named only when
     * {@code status} asks.
     */
    private static URL location(ClassLoader loader, Patch patch) {
        String entry = patch.className() + ".class";
        URL resource = loader.getResource(entry);
        if (resource == null) {
            return null;
        }
        String url = resource.toString();
        try {
            if (url.startsWith("jar:") && url.contains("!/")) {
                return new URL(url.substring("jar:".length(), url.indexOf("!/")));
            }
            return url.endsWith(entry) ? new URL(url.substring(0, url.length() - entry.length())) : resource;
        } catch (java.net.MalformedURLException unexpected) {
            return resource;
        }
    }

}
