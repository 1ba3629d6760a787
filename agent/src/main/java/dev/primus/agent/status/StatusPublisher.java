package dev.primus.agent.status;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.agent.control.ConfigWatcher;
import dev.primus.agent.metrics.MetricRegistry;
import dev.primus.agent.metrics.MetricsBean;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Registers the {@link StatusBean} once the JVM has a platform MBean server, on a daemon thread
 * of its own that looks once a second from ten seconds after start. The agent never creates that server itself: an app may
 * still choose its MBean server builder after premain (application servers do), and creating the
 * server first would fix the choice for it. {@code status PID} makes one exist, without loading an
 * agent, by asking the JVM to start its local management agent (as {@code jcmd} does), so it works
 * under {@code -XX:-EnableDynamicAgentLoading} too.
 */
public final class StatusPublisher implements Runnable {
    public static final String NAME = "dev.primus:type=Agent";
    /** The bean's one operation: read the config file now ({@code reload PID}). */
    public static final String RELOAD_OPERATION = "reload";
    private static final long LOOK_MILLIS = 1000;
    /**
     * The first look waits this long: an app that creates the platform MBean server as it starts
     * (Tomcat does) would otherwise have the agent's registration, and the JMX classes it loads,
     * compete with its own start-up on a small machine (about 60 ms in {@code StartupTime}).
     */
    private static final long FIRST_LOOK_MILLIS = 10_000;

    private final StatusBean bean;
    /** The metrics to register as {@code dev.primus:type=Metrics} next to the status, or null when they are off. */
    private final MetricRegistry metrics;

    private StatusPublisher(StatusBean bean, MetricRegistry metrics) {
        this.bean = bean;
        this.metrics = metrics;
    }

    /** Starts the thread; {@code agent} is the start-up summary line. */
    public static void start(String agent, ConfigWatcher.Target policy, ConfigWatcher watcher, AuditPipeline audit,
                             HookLedger hooks, MetricRegistry metrics) {
        Thread thread = new Thread(new StatusPublisher(new StatusBean(agent, policy, watcher, audit, hooks), metrics),
                "primus-status");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            Thread.sleep(FIRST_LOOK_MILLIS);
            while (MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                Thread.sleep(LOOK_MILLIS);
            }
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(bean, new ObjectName(NAME));
            if (metrics != null) {
                new MetricsBean(metrics).registerOn(server);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError failure) {
            // A runtime without java.management, or a second agent's bean under the name: no status, nothing else lost.
            AgentFailures.record("status MBean", failure);
        }
    }
}
