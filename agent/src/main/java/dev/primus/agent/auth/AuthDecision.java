package dev.primus.agent.auth;

/**
 * What the engine decided for one request: the rule that applied, who the request proved to be,
 * and, for a refusal, the answer and the one reason (for the audit event, never for the client).
 *
 * <p>Nothing in a decision is of the request itself (its path, method or address; the canonical
 * path the rules saw is {@link RequestPaths#normalise} of its raw path), so the decisions that
 * let requests through are made once and shared: one per public rule ({@link #publicAccess}),
 * one per rule and verified caller ({@link #verified}). A request on a clean path is judged
 * without a new object.
 */
public final class AuthDecision {
    /** Which audit event a decision is: who you are, what you may do, a webhook's signature, or how often. */
    public enum Kind {
        AUTH("auth"), AUTHZ("authz"), WEBHOOK("webhook"), RATE_LIMIT("rate_limit");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }

        /** The audit event's {@code type}. */
        public String eventType() {
            return eventType;
        }
    }

    private final Kind kind;
    private final String rule;
    private final Authenticated authenticated;
    private final AuthAnswer refusal;
    private final String reason;
    private final String rateLimit;
    private final String rateLimitError;

    private AuthDecision(Kind kind, String rule, Authenticated authenticated, AuthAnswer refusal, String reason,
                         String rateLimit) {
        this(kind, rule, authenticated, refusal, reason, rateLimit, null);
    }

    private AuthDecision(Kind kind, String rule, Authenticated authenticated, AuthAnswer refusal, String reason,
                         String rateLimit, String rateLimitError) {
        this.kind = kind;
        this.rule = rule;
        this.rateLimit = rateLimit;
        this.rateLimitError = rateLimitError;
        this.authenticated = authenticated;
        this.refusal = refusal;
        this.reason = reason;
    }

    /** What every request a public rule lets through gets; {@link AuthRule} makes it once. */
    static AuthDecision publicAccess(String rule, String rateLimit) {
        return new AuthDecision(Kind.AUTH, rule, null, null, "public", rateLimit);
    }

    /**
     * {@code who}, verified, let through by {@code rule}: the decision made for them under this
     * rule before, when {@code who} still remembers it, else a new one it remembers.
     */
    static AuthDecision verified(AuthRule rule, Authenticated who) {
        AuthDecision remembered = who.rememberedDecision(rule);
        if (remembered != null && remembered.isVerified(rule, who)) {
            return remembered;
        }
        AuthDecision made = new AuthDecision(Kind.AUTHZ, rule.id(), who, null, "verified " + who.kind().word(),
                rule.rateLimit());
        who.rememberDecision(rule, made);
        return made;
    }

    /** Whether this is the decision {@link #verified} makes for {@code rule} and {@code who}: the same in every field. */
    private boolean isVerified(AuthRule rule, Authenticated who) {
        return kind == Kind.AUTHZ && authenticated == who && refusal == null && rateLimitError == null
                && rule.id().equals(this.rule)
                && (rule.rateLimit() == null ? rateLimit == null : rule.rateLimit().equals(rateLimit));
    }

    /** A webhook delivery whose signature verified: a new decision each time, as each delivery is verified anew. */
    static AuthDecision allowed(Kind kind, AuthRule rule, Authenticated authenticated, String reason) {
        return new AuthDecision(kind, rule.id(), authenticated, null, reason, rule.rateLimit());
    }

    static AuthDecision refused(Kind kind, String rule, AuthAnswer refusal, String reason) {
        return new AuthDecision(kind, rule, null, refusal, reason, null);
    }

    /** A refusal by the rate limit {@code limit}. */
    static AuthDecision rateLimited(String rule, Authenticated authenticated, AuthAnswer refusal, String reason,
                                    String limit) {
        return new AuthDecision(Kind.RATE_LIMIT, rule, authenticated, refusal, reason, limit);
    }

    /** A refusal of someone who proved who they are, but may not do this. */
    static AuthDecision refused(Kind kind, String rule, Authenticated authenticated, AuthAnswer refusal, String reason) {
        return new AuthDecision(kind, rule, authenticated, refusal, reason, null);
    }

    public boolean isAllowed() {
        return refusal == null;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the deciding rule is written, {@code auth.rules[2]} or {@code auth.default}. */
    public String rule() {
        return rule;
    }

    /** Who the request proved to be; null for a public route, or a refusal before anyone was proved. */
    public Authenticated authenticated() {
        return authenticated;
    }

    /** The answer to send instead of running the app; null when allowed. */
    public AuthAnswer refusal() {
        return refusal;
    }

    /**
     * The {@code auth.rate_limits} id an allowed request is still to be counted against, or, of a
     * {@link Kind#RATE_LIMIT} refusal, the limit that refused it; else null.
     */
    public String rateLimit() {
        return rateLimit;
    }

    /** This allowed decision, noting that its rate limit could not be applied (the backend failed). */
    AuthDecision withRateLimitError(String error) {
        return new AuthDecision(kind, rule, authenticated, refusal, reason, rateLimit, error);
    }

    /** Why the rule's rate limit was not applied (its Redis failed, so the request went through), or null. */
    public String rateLimitError() {
        return rateLimitError;
    }

    public String reason() {
        return reason;
    }

    /**
     * For a refusal, a word from a small fixed set saying why, fit for a metric label: the RFC 6750
     * {@code error} of its challenge ({@code invalid_token}, {@code insufficient_scope}), else what
     * its status means. Never the client's words.
     */
    public String failureCode() {
        if (kind == Kind.WEBHOOK) {
            return "webhook_signature";
        }
        String challenge = refusal.header("WWW-Authenticate");
        int error = challenge == null ? -1 : challenge.indexOf("error=\"");
        if (error >= 0) {
            int end = challenge.indexOf('"', error + 7);
            if (end > error + 7) {
                return challenge.substring(error + 7, end);
            }
        }
        switch (refusal.status()) {
            case 401:
                return "missing_credentials";
            case 403:
                return "forbidden";
            case 413:
                return "body_too_large";
            default:
                return "status_" + refusal.status();
        }
    }

    @Override
    public String toString() {
        return (isAllowed() ? "allowed" : "refused " + refusal.status()) + " by " + rule + ": " + reason;
    }
}
