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
 * field but the trace ids (route, principal, tenant, caller, ...) and details agree; the summary
 * carries the first one's trace. Allowed
 * events pass untouched. At most {@link #MAX_TRACKED} decisions are tracked; past that, events
 * pass as they come (a storm of distinct decisions is no storm of repeats).
 */
final class RepeatedEvents implements AuditPipeline.Report {
    static final int MAX_TRACKED = 10_000;
    /**
     * Fields every request has its own of: a retry loop across requests is still one storm, and
     * keyed by them every request would be a decision of its own and fill the table.
     */
    private static final java.util.Set<String> PER_REQUEST = new java.util.HashSet<String>(
            java.util.Arrays.asList("trace_id", "span_id"));

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

    /** By a hash of all but the time; a hash shared by two decisions leaves the second untracked, never merged. */
    private final ConcurrentHashMap<Long, Repeats> decisions = new ConcurrentHashMap<Long, Repeats>();

    /** True when {@code event} should be written: allowed, the first of its decision, or untracked; else counted. */
    boolean firstOf(AuditEvent event) {
        if ("allowed".equals(event.outcome())) {
            return true;
        }
        Long key = hashOf(event);
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
        if (!sameDecision(repeats.first, event)) {
            return true;
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

    /** A hash of everything but the time and the trace ids, built without a copy of any field. */
    private static long hashOf(AuditEvent event) {
        long h = mix(mix(mix(mix(mix(17, event.type()), event.outcome()), event.mode()), event.rule()), event.reason());
        Target target = event.target();
        if (target != null) {
            h = mix(mix(mix(mix(h, target.scheme()), target.host()), target.ip()), target.url()) * 31 + target.port();
        }
        for (Map.Entry<String, String> field : event.context().entrySet()) {
            if (!PER_REQUEST.contains(field.getKey())) {
                h = mix(mix(h, field.getKey()), field.getValue());
            }
        }
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            h = mix(mix(h, detail.getKey()), detail.getValue());
        }
        return h;
    }

    private static long mix(long h, String value) {
        return (h ^ (value == null ? 0x5bd1e995L : value.hashCode())) * 0x9E3779B97F4A7C15L;
    }

    /** Whether two events are the same decision: all but the time and the trace ids agree. */
    private static boolean sameDecision(AuditEvent a, AuditEvent b) {
        return same(a.type(), b.type()) && same(a.outcome(), b.outcome()) && same(a.mode(), b.mode())
                && same(a.rule(), b.rule()) && same(a.reason(), b.reason()) && sameTarget(a.target(), b.target())
                && sameBeyondTraces(a.context(), b.context()) && a.details().equals(b.details());
    }

    private static boolean sameTarget(Target a, Target b) {
        return a == b || a != null && b != null && a.port() == b.port() && same(a.scheme(), b.scheme())
                && same(a.host(), b.host()) && same(a.ip(), b.ip()) && same(a.url(), b.url());
    }

    /** Whether two contexts agree on every field but the trace ids, without copying either. */
    private static boolean sameBeyondTraces(Map<String, String> a, Map<String, String> b) {
        return coveredBy(a, b) && coveredBy(b, a);
    }

    private static boolean coveredBy(Map<String, String> a, Map<String, String> b) {
        for (Map.Entry<String, String> field : a.entrySet()) {
            if (!PER_REQUEST.contains(field.getKey()) && !same(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
