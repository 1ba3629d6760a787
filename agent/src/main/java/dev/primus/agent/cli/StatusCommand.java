package dev.primus.agent.cli;

import dev.primus.agent.status.StatusPublisher;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code status PID}: what the agent in a running JVM is doing, read from its status MBean; and
 * {@code reload PID}: that MBean's one operation, which makes the agent read its config file now.
 * The JVM is asked (through the attach API, the way {@code jcmd PID ManagementAgent.start_local}
 * does) to start its local JMX connector; no agent is loaded, so this works under
 * {@code -XX:-EnableDynamicAgentLoading}. The agent registers its MBean within a second of that,
 * once its JVM has run ten seconds.
 * The attach API is reached by reflection: it is the JDK's {@code jdk.attach} module, not a
 * class this jar compiles against.
 */
final class StatusCommand {
    /**
     * How long to wait for the MBean after the agent's first look, which comes ten seconds after
     * its JVM started ({@code StatusPublisher}), then once a second.
     */
    private static final long FIRST_LOOK_MILLIS = 10_000;
    private static final long GRACE_MILLIS = 3_000;
    private static final long POLL_MILLIS = 200;

    private final PrintStream out;
    private final PrintStream err;

    StatusCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code status PID}. */
    int run(String pid) {
        return withAgent(pid, "its status", false);
    }

    /** {@code reload PID}: 0 when the file's policy is in force, 1 when the file was refused. */
    int reload(String pid) {
        return withAgent(pid, "a reload", true);
    }

    private int withAgent(String pid, String what, boolean reload) {
        String address;
        try {
            address = localJmxAddress(pid);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            Throwable cause = failure instanceof InvocationTargetException ? failure.getCause() : failure;
            err.println("cannot ask JVM " + pid + " for " + what + ": " + cause + " (it must run as this user, "
                    + "on a JDK with the attach API, and without -XX:+DisableAttachMechanism)");
            return Cli.FAILED;
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(StatusPublisher.NAME);
            long uptime = (Long) server.getAttribute(new ObjectName("java.lang:type=Runtime"), "Uptime");
            long deadline = System.currentTimeMillis() + Math.max(0, FIRST_LOOK_MILLIS - uptime) + GRACE_MILLIS;
            while (!server.isRegistered(name)) {
                if (System.currentTimeMillis() > deadline) {
                    err.println("no Primus Agent answers in JVM " + pid + " (it runs without the agent, or with one "
                            + "older than the status verb)");
                    return Cli.PROBLEMS_FOUND;
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (reload) {
                String answer = (String) server.invoke(name, StatusPublisher.RELOAD_OPERATION, new Object[0], new String[0]);
                (answer.startsWith("applied: ") ? out : err).println(answer);
                return answer.startsWith("applied: ") ? Cli.OK : Cli.PROBLEMS_FOUND;
            }
            out.println(server.getAttribute(name, "Agent"));
            out.println(server.getAttribute(name, "Config"));
            out.println(server.getAttribute(name, "Audit"));
            out.println("hooks:");
            for (String line : (String[]) server.getAttribute(name, "Hooks")) {
                out.println("  " + line);
            }
            return Cli.OK;
        } catch (IOException | JMException failure) {
            err.println("cannot get " + what + " from JVM " + pid + ": " + failure);
            return Cli.FAILED;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Cli.FAILED;
        }
    }

    /** The address of the JVM's local JMX connector, started if it was not. */
    private static String localJmxAddress(String pid) throws ReflectiveOperationException {
        Class<?> virtualMachine = Class.forName("com.sun.tools.attach.VirtualMachine");
        Object vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
        Method detach = virtualMachine.getMethod("detach");
        try {
            return (String) virtualMachine.getMethod("startLocalManagementAgent").invoke(vm);
        } finally {
            detach.invoke(vm);
        }
    }
}
