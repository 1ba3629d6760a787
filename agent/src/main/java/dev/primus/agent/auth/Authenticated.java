package dev.primus.agent.auth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who a verified credential says the caller is: what the hooks put in the request attributes
 * {@code primus.principal}, {@code primus.tenant}, {@code primus.scopes}, and audit records.
 */
public final class Authenticated {
    private final CredentialKind kind;
    private final String source;
    private final String principal;
    private final String tenant;
    private final Set<String> scopes;

    /**
     * @param kind how the caller proved it
     * @param source the config entry that verified it: the JWT issuer's id, the API key's id, the webhook's id
     * @param principal the key id, the token's {@code sub}, the webhook id
     * @param tenant the tenant, or null when the credential names none
     * @param scopes the scopes granted, in the order the credential lists them
     */
    public Authenticated(CredentialKind kind, String source, String principal, String tenant, Set<String> scopes) {
        this.kind = kind;
        this.source = source;
        this.principal = principal;
        this.tenant = tenant;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<String>(scopes));
    }

    public CredentialKind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    public String principal() {
        return principal;
    }

    /** The tenant, or null. */
    public String tenant() {
        return tenant;
    }

    public Set<String> scopes() {
        return scopes;
    }

    @Override
    public String toString() {
        return kind.word() + " " + source + ": " + principal + (tenant == null ? "" : " of " + tenant) + " " + scopes;
    }
}
