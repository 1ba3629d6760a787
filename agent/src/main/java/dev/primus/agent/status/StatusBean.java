package dev.primus.agent.status;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.control.KillSwitch;
import dev.primus.config.PrimusConfig;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;

/**
 * The agent's state as a read-only MBean, {@code dev.primus:type=Agent}, for {@code status PID}:
 * {@code Agent} (the start-up summary), {@code Config} (its source and SHA-256), {@code Audit} (sinks
 * and events dropped) and {@code Hooks} (what each hook did since). No operation
 * and no writable attribute: any code in the JVM can call the platform MBean server, so nothing
 * here may change a guard. A {@link DynamicMBean}, so the JMX implementation calls it through a
 * JDK interface and never needs reflective access into the agent's sealed module.
 */
final class StatusBean implements DynamicMBean {
    private static final String AGENT = "Agent";
    private static final String CONFIG = "Config";
    private static final String AUDIT = "Audit";
    private static final String HOOKS = "Hooks";

    private final String agent;
    private final PrimusConfig config;
    private final AuditPipeline audit;
    private final HookLedger hooks;

    StatusBean(String agent, PrimusConfig config, AuditPipeline audit, HookLedger hooks) {
        this.agent = agent;
        this.config = config;
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
            return "config " + config.source() + " sha256 " + config.sha256();
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

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName), "the Primus status MBean has no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return new MBeanInfo(StatusBean.class.getName(), "Primus Agent status (read-only)",
                new MBeanAttributeInfo[] {
                    new MBeanAttributeInfo(AGENT, "java.lang.String", "the agent's start-up summary", true, false, false),
                    new MBeanAttributeInfo(CONFIG, "java.lang.String", "the config's source and SHA-256", true, false, false),
                    new MBeanAttributeInfo(AUDIT, "java.lang.String", "the audit sinks and events dropped", true, false, false),
                    new MBeanAttributeInfo(HOOKS, "[Ljava.lang.String;", "what each hook did since start", true, false, false),
                },
                null, new MBeanOperationInfo[0], null);
    }
}
