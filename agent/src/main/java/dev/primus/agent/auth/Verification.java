package dev.primus.agent.auth;

import java.util.Locale;

/**
 * What a verifier concluded about one presented credential: who it proves, or the one reason it
 * was refused. The reason is for audit events and the operator; the client is told only the RFC
 * error code ({@link ProblemResponses}).
 */
public final class Verification {
    /** Accepted, or which of the two ways a refusal is answered (challenge or invalid_token). */
    public enum Outcome {
        ACCEPTED,
        /** Nothing was presented: the client is challenged, not told the credential is bad. */
        MISSING,
        /** Something was presented and is not valid. */
        INVALID
    }

    private final Outcome outcome;
    private final Authenticated authenticated;
    private final String reason;

    private Verification(Outcome outcome, Authenticated authenticated, String reason) {
        this.outcome = outcome;
        this.authenticated = authenticated;
        this.reason = reason;
    }

    public static Verification accepted(Authenticated authenticated) {
        return new Verification(Outcome.ACCEPTED, authenticated, "verified");
    }

    /** Nothing to verify was presented; {@code reason} says where it was looked for. */
    public static Verification missing(String reason) {
        return new Verification(Outcome.MISSING, null, reason);
    }

    /** A credential was presented and refused for {@code reason}. */
    public static Verification invalid(String reason) {
        return new Verification(Outcome.INVALID, null, reason);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Who the credential proves; null unless accepted. */
    public Authenticated authenticated() {
        return authenticated;
    }

    /** One short reason for audit: "verified", "no X-API-Key header", "signature mismatch", ... */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return outcome == Outcome.ACCEPTED ? "accepted " + authenticated : outcome.name().toLowerCase(Locale.ROOT) + ": " + reason;
    }
}
