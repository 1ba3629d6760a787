package dev.primus.agent.status;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.control.ConfigWatcher;
import dev.primus.agent.control.KillSwitch;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;

/**
 * The agent's state as an MBean, {@code dev.primus:type=Agent}, for {@code status PID} and
 * {@code reload PID}: {@code Agent} (the start-up summary), {@code Config} (the file in force, its
 * SHA-256 and generation), {@code Audit} (sinks and events dropped) and {@code Hooks} (what each
 * hook did since). No writable attribute, and one operation, {@code reload}, which only makes the
 * agent read its config file now rather than at the next once-a-second look: any code in the JVM
 * can call the platform MBean server, so nothing here may change a guard in a way the operator's
 * file does not say. A {@link DynamicMBean}, so the JMX implementation calls it through a JDK
 * interface and never needs reflective access into the agent's sealed module.
 */
final class StatusBean implements DynamicMBean {
    private static final String AGENT = "Agent";
    private static final String CONFIG = "Config";
    private static final String AUDIT = "Audit";
    private static final String HOOKS = "Hooks";
    static final String RELOAD = StatusPublisher.RELOAD_OPERATION;

    private final String agent;
    private final ConfigWatcher.Target policy;
    /** Null when the agent runs on its embedded default: there is no file to read again. */
    private final ConfigWatcher watcher;
    private final AuditPipeline audit;
    private final HookLedger hooks;

    StatusBean(String agent, ConfigWatcher.Target policy, ConfigWatcher watcher, AuditPipeline audit, HookLedger hooks) {
        this.agent = agent;
        this.policy = policy;
        this.watcher = watcher;
        this.audit = audit;
        this.hooks = hooks;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (AGENT.equals(attribute)) {
            // The start-up line, and whether the operator's kill file holds every guard off now.
            return KillSwitch.engaged() ? agent + "\nKILL SWITCH ENGAGED: every guard is off while the kill file exists" : agent;
        }
        if (CONFIG.equals(attribute)) {
            // The hash is computed on first use, here, never on the start-up path.
            return policy.inForce();
        }
        if (AUDIT.equals(attribute)) {
            List<String> sinkDrops = audit.remoteDropsSinceStart();
            return "audit to " + String.join(", ", audit.sinkNames()) + "; " + audit.droppedSinceStart()
                    + " events dropped since start (queue full)"
                    + (sinkDrops.isEmpty() ? "" : "; dropped by remote sinks (buffer full): " + String.join(", ", sinkDrops));
        }
        if (HOOKS.equals(attribute)) {
            List<String> lines = hooks.lines();
            return lines.toArray(new String[0]);
        }
        throw new AttributeNotFoundException(attribute);
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String attribute : attributes) {
            try {
                list.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (AttributeNotFoundException unknown) {
                // JMX's contract: unknown names are left out of the list.
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    /**
     * {@code reload}: "applied: ..." or "refused: ..." and what the agent said of it. Any other
     * name, or any argument, is refused.
     */
    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        if (!RELOAD.equals(actionName) || params != null && params.length != 0) {
            throw new ReflectionException(new NoSuchMethodException(actionName),
                    "the Primus status MBean has one operation, reload(), which takes no argument");
        }
        if (watcher == null) {
            return "refused: the agent runs on its embedded default; there is no config file to read again";
        }
        ConfigWatcher.Reload reload = watcher.reloadNow();
        return (reload.applied ? "applied: " : "refused: ") + reload.summary;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(StatusBean.class.getName(), "Primus Agent status (read-only)",
                new MBeanAttributeInfo[] {
                    new MBeanAttributeInfo(AGENT, "java.lang.String", "the agent's start-up summary", true, false, false),
                    new MBeanAttributeInfo(CONFIG, "java.lang.String", "the config file in force, its SHA-256 and generation",
                            true, false, false),
                    new MBeanAttributeInfo(AUDIT, "java.lang.String", "the audit sinks and events dropped", true, false, false),
                    new MBeanAttributeInfo(HOOKS, "[Ljava.lang.String;", "what each hook did since start", true, false, false),
                },
                null, new MBeanOperationInfo[] {
                    new MBeanOperationInfo(RELOAD, "read the config file now, as the agent does once a second; "
                            + "an invalid file is refused and the policy in force stays", new MBeanParameterInfo[0],
                            "java.lang.String", MBeanOperationInfo.ACTION),
                }, null);
    }
}
