package dev.primus.agent.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a storm out of the trail: a refusal repeated in a loop (a retry loop against a denied host,
 * a client hammering a route without a token) is written once, and its repeats as one summary
 * event per report period with their count, so it cannot fill the queue and push other events
 * out. Two events are the same decision when type, outcome, mode, rule, target, every context
 * field (route, principal, tenant, caller, ...) and details agree: only the time differs. Allowed
 * events pass untouched. At most {@link #MAX_TRACKED} decisions are tracked; past that, events
 * pass as they come (a storm of distinct decisions is no storm of repeats).
 */
final class RepeatedEvents implements AuditPipeline.Report {
    static final int MAX_TRACKED = 10_000;

    /** The first event of a decision, and how often it came again since the last report. */
    private static final class Repeats {
        final AuditEvent first;
        final AtomicLong since = new AtomicLong();
        /** Reports in a row with no repeat: the decision is forgotten after one, so a later storm shows its first event again. */
        boolean quiet;

        Repeats(AuditEvent first) {
            this.first = first;
        }
    }

    private final ConcurrentHashMap<String, Repeats> decisions = new ConcurrentHashMap<String, Repeats>();

    /** True when {@code event} should be written: allowed, the first of its decision, or untracked; else counted. */
    boolean firstOf(AuditEvent event) {
        if ("allowed".equals(event.outcome())) {
            return true;
        }
        String key = keyOf(event);
        Repeats repeats = decisions.get(key);
        if (repeats == null) {
            if (decisions.size() >= MAX_TRACKED) {
                return true;
            }
            repeats = decisions.putIfAbsent(key, new Repeats(event));
            if (repeats == null) {
                return true;
            }
        }
        repeats.since.incrementAndGet();
        return false;
    }

    /** One summary per decision repeated since the last report; decisions quiet for a whole period are forgotten. */
    @Override
    public List<AuditEvent> collect() {
        List<AuditEvent> summaries = null;
        for (Iterator<Repeats> it = decisions.values().iterator(); it.hasNext(); ) {
            Repeats repeats = it.next();
            long count = repeats.since.getAndSet(0);
            if (count == 0) {
                if (repeats.quiet) {
                    it.remove();
                }
                repeats.quiet = true;
                continue;
            }
            repeats.quiet = false;
            if (summaries == null) {
                summaries = new ArrayList<AuditEvent>();
            }
            summaries.add(summary(repeats.first, count));
        }
        return summaries == null ? Collections.<AuditEvent>emptyList() : summaries;
    }

    private static AuditEvent summary(AuditEvent first, long count) {
        AuditEvent.Builder summary = AuditEvent.of(first.type(), first.outcome()).mode(first.mode()).rule(first.rule())
                .reason(first.reason() + " (repeated " + count + " more time" + (count == 1 ? "" : "s") + " since the last report)")
                .target(first.target());
        for (Map.Entry<String, String> field : first.context().entrySet()) {
            summary.context(field.getKey(), field.getValue());
        }
        for (Map.Entry<String, String> detail : first.details().entrySet()) {
            summary.detail(detail.getKey(), detail.getValue());
        }
        return summary.detail("repeated", Long.toString(count)).build();
    }

    /** Everything but the time, with separators no field holds unescaped. */
    private static String keyOf(AuditEvent event) {
        StringBuilder key = new StringBuilder(128).append(event.type()).append('\u0000').append(event.outcome())
                .append('\u0000').append(event.mode()).append('\u0000').append(event.rule()).append('\u0000')
                .append(event.reason());
        Target target = event.target();
        if (target != null) {
            key.append('\u0001').append(target.scheme()).append('\u0000').append(target.host()).append('\u0000')
                    .append(target.ip()).append('\u0000').append(target.port()).append('\u0000').append(target.url());
        }
        for (Map.Entry<String, String> field : event.context().entrySet()) {
            key.append('\u0002').append(field.getKey()).append('\u0000').append(field.getValue());
        }
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            key.append('\u0003').append(detail.getKey()).append('\u0000').append(detail.getValue());
        }
        return key.toString();
    }
}
