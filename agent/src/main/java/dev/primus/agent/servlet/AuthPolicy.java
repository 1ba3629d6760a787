package dev.primus.agent.servlet;

import dev.primus.agent.auth.RequestAuthenticator;
import dev.primus.config.Mode;

/**
 * One generation of the auth policy at the request entry: the bound rules, keys, issuers,
 * webhooks and rate limits ({@link RequestAuthenticator}), the mode, and how requests are read
 * and audited. Immutable; a reload builds a new one and the {@link AuthGuard} swaps it in whole,
 * so each request is judged by one generation.
 */
public final class AuthPolicy {
    final RequestAuthenticator authenticator;
    final Mode mode;
    final boolean auditSuccess;
    final int maxBodyBytes;

    public AuthPolicy(RequestAuthenticator authenticator, Mode mode, boolean auditSuccess, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.mode = mode;
        this.auditSuccess = auditSuccess;
        this.maxBodyBytes = maxBodyBytes;
    }
}
