package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import org.junit.jupiter.api.Test;

class MetricsBeanTest {
    private final AgentMetrics metrics = PopulatedMetrics.create();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    /** The series of a text 0.0.4 scrape, as the text says them, each with its value as written. */
    private Map<String, String> textSeries() {
        Map<String, String> series = new LinkedHashMap<String, String>();
        for (String line : ExpositionFormat.PROMETHEUS_TEXT.write(metrics.registry().scrape()).split("\n")) {
            if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return series;
    }

    @Test
    void hasOneReadOnlyAttributePerTextSeriesWithTheSameValue() throws Exception {
        ObjectName name = new MetricsBean(metrics.registry()).registerOn(server);
        assertEquals(new ObjectName("dev.primus:type=Metrics"), name);
        Map<String, String> text = textSeries();
        MBeanInfo info = server.getMBeanInfo(name);
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertTrue(attribute.isReadable());
            assertFalse(attribute.isWritable(), attribute.getName());
            Object value = server.getAttribute(name, attribute.getName());
            attributes.put(attribute.getName(), value instanceof Long ? value.toString() : FloatText.format((Double) value));
        }
        assertEquals(text, attributes);
        assertEquals(Long.valueOf(1), server.getAttribute(name,
                "primus_decisions_total{module=\"webhook\",outcome=\"denied\",rule=\"rule \\\"quoted\\\" \\\\ back\\nslash\"}"));
    }

    @Test
    void offersNoOperationAndRefusesEveryWrite() throws Exception {
        ObjectName name = new MetricsBean(metrics.registry()).registerOn(server);
        assertEquals(0, server.getMBeanInfo(name).getOperations().length);
        String series = "primus_config_reloads_total{result=\"refused\"}";
        assertThrows(AttributeNotFoundException.class, () -> server.setAttribute(name, new Attribute(series, 0L)));
        AttributeList list = new AttributeList();
        list.add(new Attribute(series, 0L));
        assertTrue(server.setAttributes(name, list).isEmpty());
        Exception invoked = assertThrows(Exception.class, () -> server.invoke(name, "reset", new Object[0], new String[0]));
        assertTrue(invoked instanceof ReflectionException || invoked instanceof MBeanException, invoked.toString());
        assertEquals(Long.valueOf(1), server.getAttribute(name, series), "nothing changed");
    }

    @Test
    void readsTheSeriesAsTheyAreNowAndLeavesUnknownNamesOut() throws Exception {
        ObjectName name = new MetricsBean(metrics.registry()).registerOn(server);
        metrics.configReload("refused");
        AttributeList read = server.getAttributes(name, new String[] {"primus_config_reloads_total{result=\"refused\"}", "nope"});
        assertEquals(1, read.size());
        assertEquals(Long.valueOf(2), ((Attribute) read.get(0)).getValue());
        assertThrows(AttributeNotFoundException.class, () -> server.getAttribute(name, "primus_no_such_total"));
    }
}
