package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {
    @Test
    void namesListsEveryFamilyInTheOrderAScrapeWritesThem() {
        List<String> families = new ArrayList<String>();
        for (FamilySnapshot family : new AgentMetrics().registry().scrape()) {
            families.add(family.name());
        }
        assertEquals(AgentMetrics.NAMES, families);
    }

    @Test
    void onlyTheTimedModulesHaveATimer() {
        AgentMetrics metrics = new AgentMetrics();
        assertEquals(metrics.decisionTimer("egress"), metrics.decisionTimer(AgentMetrics.EGRESS));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> metrics.decisionTimer("webhook"));
        assertEquals("primus_decision_duration_seconds has no module 'webhook'; it has [egress, auth, logging]", refused.getMessage());
    }

    @Test
    void aSecondFamilyOfOneNameAndABadNameAreRefusedWhenMade() {
        MetricRegistry registry = new MetricRegistry(4);
        registry.counter("demo_total", "Demo.", "kind");
        assertThrows(IllegalArgumentException.class, () -> registry.scrapedCounter("demo_total", "Again."));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("demo", "No _total.", "kind"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("demo-x_total", "A dash.", "kind"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("demo_y_total", "Reserved label.", "le"));
    }

    @Test
    void aReadingWithTheWrongNumberOfLabelsIsLeftOutAndTheRestIsRead() {
        MetricRegistry registry = new MetricRegistry(4);
        ScrapeTimeFamily sinks = registry.scrapedGauge("demo_buffered", "Held.", "sink");
        sinks.readFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("sink", "extra", 1);
            }
        });
        sinks.readFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("file", 5);
            }
        });
        assertEquals("# HELP demo_buffered Held.\n# TYPE demo_buffered gauge\ndemo_buffered{sink=\"file\"} 5\n",
                ExpositionFormat.PROMETHEUS_TEXT.write(registry.scrape()));
    }

}
