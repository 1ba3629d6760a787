package dev.primus.agent.auth;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The one agent thread, {@code primus-jwks}, on which every issuer's JWK set is fetched: a
 * scheduler shared by all {@link RemoteJwkSet}s, started by the first and stopped when the last
 * is closed. One thread is enough: a fetch takes at most a few seconds and happens every few
 * minutes per issuer. A daemon, so it never keeps the JVM up.
 */
final class JwksThread {
    static final String NAME = "primus-jwks";

    private static ScheduledThreadPoolExecutor executor;
    private static int users;

    private JwksThread() {
    }

    static synchronized ScheduledExecutorService acquire() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
                @Override
                public Thread newThread(Runnable task) {
                    Thread thread = new Thread(task, NAME);
                    thread.setDaemon(true);
                    // Started from whichever thread asked first, maybe a request thread of a web
                    // app: holding its class loader would keep an undeployed app in memory.
                    thread.setContextClassLoader(JwksThread.class.getClassLoader());
                    return thread;
                }
            });
            // A cancelled refresh is dropped from the queue at once, not when it would have run.
            executor.setRemoveOnCancelPolicy(true);
        }
        users++;
        return executor;
    }

    static synchronized void release() {
        if (users > 0 && --users == 0) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
