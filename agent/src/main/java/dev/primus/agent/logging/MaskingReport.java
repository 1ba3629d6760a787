package dev.primus.agent.logging;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.masking.Masker;
import dev.primus.config.MaskingConfig;
import dev.primus.config.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One {@code masking} audit event per detector that found something since the last report:
 * how many values, never which. Collected by the audit writer once a minute and at shutdown.
 * A reload hands it the new masker; what the old one counted since the last report is still
 * reported, under the config it was counted by.
 */
public final class MaskingReport implements AuditPipeline.Report {
    private volatile Generation current;
    /** Values masked per detector that reports have taken since start; guarded by this. */
    private final Map<String, Long> reported = new LinkedHashMap<String, Long>();
    /** Maskers a reload replaced, each drained once more by the next report. */
    private final ConcurrentLinkedQueue<Generation> retired = new ConcurrentLinkedQueue<Generation>();

    public MaskingReport(Masker masker, MaskingConfig config) {
        this.current = new Generation(masker, config);
    }

    /** The masker and config of a reload; {@code masker} is null when masking is now off. */
    public synchronized void apply(Masker masker, MaskingConfig config) {
        retired.add(current);
        current = new Generation(masker, config);
    }

    @Override
    public synchronized List<AuditEvent> collect() {
        List<AuditEvent> events = new ArrayList<AuditEvent>();
        for (Generation old = retired.poll(); old != null; old = retired.poll()) {
            collect(old, events);
        }
        collect(current, events);
        return events;
    }

    /**
     * Values masked per detector since start, for the metrics: what the reports took plus what
     * each masker counted since.
     */
    public synchronized Map<String, Long> maskedSinceStart() {
        Map<String, Long> totals = new LinkedHashMap<String, Long>(reported);
        for (Generation old : retired) {
            add(totals, old);
        }
        add(totals, current);
        return totals;
    }

    private static void add(Map<String, Long> totals, Generation generation) {
        if (generation.masker != null) {
            for (Map.Entry<String, Long> count : generation.masker.peekCounts().entrySet()) {
                Long before = totals.get(count.getKey());
                totals.put(count.getKey(), (before == null ? 0 : before) + count.getValue());
            }
        }
    }

    private void collect(Generation generation, List<AuditEvent> events) {
        if (generation.masker == null) {
            return;
        }
        MaskingConfig config = generation.config;
        Map<String, Long> counts = generation.masker.drainCounts();
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            Long before = reported.get(count.getKey());
            reported.put(count.getKey(), (before == null ? 0 : before) + count.getValue());
        }
        boolean enforce = config.mode() == Mode.ENFORCE;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            String detector = count.getKey();
            long values = count.getValue();
            events.add(AuditEvent.of("masking", enforce ? "denied" : "would_deny")
                    .mode(config.mode().word())
                    .rule(config.custom().containsKey(detector)
                            ? "logging.masking.custom." + detector : "logging.masking.detectors." + detector)
                    .reason((enforce ? "masked " : "would mask ") + values + (values == 1 ? " value" : " values")
                            + " found by " + detector)
                    .detail("detector", detector)
                    .detail("count", Long.toString(values))
                    .build());
        }
    }

    private static final class Generation {
        final Masker masker;
        final MaskingConfig config;

        Generation(Masker masker, MaskingConfig config) {
            this.masker = masker;
            this.config = config;
        }
    }
}
