package dev.primus.agent.logging;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.masking.Masker;
import dev.primus.config.MaskingConfig;
import dev.primus.config.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code masking} audit event per detector that found something since the last report:
 * how many values, never which. Collected by the audit writer once a minute and at shutdown.
 */
public final class MaskingReport implements AuditPipeline.Report {
    private final Masker masker;
    private final MaskingConfig config;

    public MaskingReport(Masker masker, MaskingConfig config) {
        this.masker = masker;
        this.config = config;
    }

    @Override
    public List<AuditEvent> collect() {
        Map<String, Long> counts = masker.drainCounts();
        List<AuditEvent> events = new ArrayList<AuditEvent>(counts.size());
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
        return events;
    }
}
