package dev.primus.agent.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * The same numbers as {@code GET /metrics}, as a read-only MBean, {@code dev.primus:type=Metrics}:
 * one attribute per series, named as text format 0.0.4 writes it
 * ({@code primus_decisions_total{module="egress",outcome="denied",rule="egress.deny[0]"}}), a
 * {@link Long} or, for a histogram's {@code _sum}, a {@link Double}. Any code in the JVM can call
 * the platform MBean server, so there are no operations and no writable attribute: nothing here
 * can change a count or a guard. A {@link DynamicMBean}, so JMX calls it through a JDK interface
 * and never needs reflective access into the agent's sealed module.
 */
public final class MetricsBean implements DynamicMBean {
    public static final String NAME = "dev.primus:type=Metrics";

    private final MetricRegistry registry;

    public MetricsBean(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers this bean on {@code server} under {@link #NAME}. The caller chooses the server and
     * the moment (see {@code StatusPublisher} for why the agent never creates the platform one).
     */
    public ObjectName registerOn(MBeanServer server) throws JMException {
        ObjectName name = new ObjectName(NAME);
        server.registerMBean(this, name);
        return name;
    }

    private Map<String, Number> series() {
        Map<String, Number> series = new LinkedHashMap<String, Number>();
        for (FamilySnapshot family : registry.scrape()) {
            for (Sample sample : family.samples()) {
                series.put(sample.series(), sample.value());
            }
        }
        return series;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Number value = series().get(attribute);
        if (value == null) {
            throw new AttributeNotFoundException(attribute);
        }
        return value;
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        Map<String, Number> series = series();
        AttributeList list = new AttributeList();
        for (String attribute : attributes) {
            Number value = series.get(attribute);
            if (value != null) {
                // JMX's contract: unknown names are left out of the list.
                list.add(new Attribute(attribute, value));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName), "the Primus metrics MBean has no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> attributes = new ArrayList<MBeanAttributeInfo>();
        for (FamilySnapshot family : registry.scrape()) {
            for (Sample sample : family.samples()) {
                attributes.add(new MBeanAttributeInfo(sample.series(), sample.value().getClass().getName(),
                        family.help(), true, false, false));
            }
        }
        return new MBeanInfo(MetricsBean.class.getName(), "Primus Agent metrics (read-only), as GET /metrics shows them",
                attributes.toArray(new MBeanAttributeInfo[0]), null, new MBeanOperationInfo[0], null);
    }
}
