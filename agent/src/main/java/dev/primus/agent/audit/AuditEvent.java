package dev.primus.agent.audit;

import java.util.Collections;
import java.util.Map;

/**
 * One decision, as the contract's audit event describes it. {@code seq}, {@code service},
 * {@code host} and {@code pid} are added by the writer; everything else is set here, where the
 * decision was taken. Never holds a secret: a request's path, the one field the app's traffic
 * writes freely, has its secrets replaced by their markers ({@link AuditValues}); a masking
 * event names what was masked, never the value.
 */
public final class AuditEvent {
    private final long timestampMillis;
    private final String type;
    private final String outcome;
    private final String mode;
    private final String rule;
    private final String reason;
    private final EventFields context;
    private final Target target;
    private final EventFields details;
    /** The fields of an event that sets none: never written to. */
    private static final EventFields NONE = new EventFields();

    private AuditEvent(Builder builder) {
        this.timestampMillis = builder.timestampMillis;
        this.type = builder.type;
        this.outcome = builder.outcome;
        this.mode = builder.mode;
        this.rule = builder.rule;
        this.reason = builder.reason;
        this.context = builder.context == null ? NONE : builder.context;
        this.target = builder.target;
        this.details = builder.details == null ? NONE : builder.details;
    }

    /** An event of {@code type} (egress, auth, ..., agent, audit) with {@code outcome} (allowed, denied, ...). */
    public static Builder of(String type, String outcome) {
        return new Builder(type, outcome);
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public String type() {
        return type;
    }

    public String outcome() {
        return outcome;
    }

    public String mode() {
        return mode;
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        return reason;
    }

    /** The optional top-level fields the contract names (trace_id, tenant, caller, ...), in insertion order. */
    public Map<String, String> context() {
        return Collections.unmodifiableMap(context);
    }

    public Target target() {
        return target;
    }

    /** Extra facts of the agent's own (version, config hash, counts), written under {@code details}. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    /** {@link #context()} as held, for the encoder, which only reads it. */
    EventFields contextFields() {
        return context;
    }

    /** {@link #details()} as held, for the encoder, which only reads it. */
    EventFields detailFields() {
        return details;
    }

    /** Builds an event; not thread-safe, used by the one thread that took the decision. */
    public static final class Builder {
        private long timestampMillis = System.currentTimeMillis();
        private final String type;
        private final String outcome;
        private String mode = "enforce";
        private String rule = "";
        private String reason = "";
        private EventFields context;
        private Target target;
        private EventFields details;

        private Builder(String type, String outcome) {
            this.type = type;
            this.outcome = outcome;
        }

        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** One of the contract's optional fields: trace_id, span_id, tenant, principal, client_ip, method, route, caller. */
        public Builder context(String field, String value) {
            if (value != null) {
                if (context == null) {
                    context = new EventFields();
                }
                context.put(field, value);
            }
            return this;
        }

        /** {@link #context} unless the field has a value already. */
        Builder contextIfAbsent(String field, String value) {
            return context != null && context.containsKey(field) ? this : context(field, value);
        }

        public Builder target(Target target) {
            this.target = target;
            return this;
        }

        public Builder detail(String key, String value) {
            if (value != null) {
                if (details == null) {
                    details = new EventFields();
                }
                details.put(key, value);
            }
            return this;
        }

        public Builder timestampMillis(long timestampMillis) {
            this.timestampMillis = timestampMillis;
            return this;
        }

        /** The event, with the fields of the request this thread serves that it does not name itself. */
        public AuditEvent build() {
            RequestContext.fillMissing(this);
            return new AuditEvent(this);
        }
    }
}
