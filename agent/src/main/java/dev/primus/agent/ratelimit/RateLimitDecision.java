package dev.primus.agent.ratelimit;

/**
 * What a limiter answered for one request: allowed, denied with a {@code Retry-After}, or not
 * known because the backend failed. A backend error {@link #allows() allows} (rate limits fail
 * open), and is told apart so the caller can audit it, or refuse it under
 * {@code auth.on_error: fail_closed}.
 */
public final class RateLimitDecision {
    public enum Outcome {
        ALLOWED,
        /** The bucket is empty: answer 429 with {@link #retryAfterSeconds()}. */
        DENIED,
        /** The backend could not decide in time; the request goes on. {@link #reason()} says why. */
        BACKEND_ERROR
    }

    /** The longest Retry-After answered: a day, also what a bucket that never refills answers. */
    public static final long MAX_RETRY_AFTER_SECONDS = 86400;

    private static final RateLimitDecision ALLOWED = new RateLimitDecision(Outcome.ALLOWED, 0, "token taken");
    // Denials under attack come in floods; the common short waits need no allocation.
    private static final RateLimitDecision[] SHORT_DENIALS = new RateLimitDecision[61];

    static {
        for (int i = 1; i < SHORT_DENIALS.length; i++) {
            SHORT_DENIALS[i] = new RateLimitDecision(Outcome.DENIED, i, "bucket empty");
        }
    }

    private final Outcome outcome;
    private final long retryAfterSeconds;
    private final String reason;

    private RateLimitDecision(Outcome outcome, long retryAfterSeconds, String reason) {
        this.outcome = outcome;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
    }

    static RateLimitDecision allowed() {
        return ALLOWED;
    }

    /**
     * Denied until one token is back, {@code secondsUntilToken} from now: whole seconds, rounded
     * up, at least 1, at most {@link #MAX_RETRY_AFTER_SECONDS} (infinity, for no refill, too).
     */
    static RateLimitDecision deniedFor(double secondsUntilToken) {
        // The epsilon keeps float noise (2.0000000000000004) from adding a whole second.
        double seconds = Math.ceil(secondsUntilToken - 1e-9);
        long retryAfter = seconds < MAX_RETRY_AFTER_SECONDS ? Math.max(1L, (long) seconds) : MAX_RETRY_AFTER_SECONDS;
        return retryAfter < SHORT_DENIALS.length ? SHORT_DENIALS[(int) retryAfter]
                : new RateLimitDecision(Outcome.DENIED, retryAfter, "bucket empty");
    }

    static RateLimitDecision backendError(String reason) {
        return new RateLimitDecision(Outcome.BACKEND_ERROR, 0, reason);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** True unless denied: a backend error lets the request through (fail open). */
    public boolean allows() {
        return outcome != Outcome.DENIED;
    }

    /** Whole seconds for the {@code Retry-After} header; 0 unless {@link Outcome#DENIED}. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A short reason for the audit event; for a backend error, what failed (never a password). */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        switch (outcome) {
            case DENIED:
                return "denied, retry after " + retryAfterSeconds + "s";
            case BACKEND_ERROR:
                return "backend error (allowed): " + reason;
            default:
                return "allowed";
        }
    }
}
