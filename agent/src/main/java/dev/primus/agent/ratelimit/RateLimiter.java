package dev.primus.agent.ratelimit;

/** Decides, per key, whether one more request fits its {@link RateLimit}. Thread-safe. */
public interface RateLimiter {
    RateLimit limit();

    /**
     * Takes one token from the bucket of {@code key}, the value of {@link RateLimit#key()} for
     * this request (the tenant {@code acme}, the client IP, ...). Never blocks longer than the
     * backend's timeout and never throws for a backend failure.
     *
     * @throws NullPointerException when {@code key} is null: a request without the attribute is
     *     the caller's to place (skip the limit, or limit it by another key)
     */
    RateLimitDecision decide(String key);

    /** Decisions that ended in {@link RateLimitDecision.Outcome#BACKEND_ERROR} since start. */
    long backendErrors();
}
