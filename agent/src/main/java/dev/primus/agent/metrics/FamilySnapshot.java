package dev.primus.agent.metrics;

import java.util.Collections;
import java.util.List;

/** What one scrape read of one family: its name, HELP, TYPE and samples, ready to be written. */
public final class FamilySnapshot {
    private final String name;
    private final String help;
    private final MetricType type;
    private final List<Sample> samples;

    FamilySnapshot(String name, String help, MetricType type, List<Sample> samples) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.samples = Collections.unmodifiableList(samples);
    }

    /** The name as text format 0.0.4 writes it; a counter's ends with {@code _total}. */
    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public MetricType type() {
        return type;
    }

    public List<Sample> samples() {
        return samples;
    }
}
