package dev.primus.agent.auth;

import dev.primus.agent.ratelimit.RateLimitKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a verified credential says the caller is: what the hooks put in the request attributes
 * {@code primus.principal}, {@code primus.tenant}, {@code primus.scopes}, and audit records.
 */
public final class Authenticated {
    /** Rules whose decisions one caller keeps; a power of two. Two rules on one slot take turns. */
    private static final int REMEMBERED_RULES = 4;

    private final CredentialKind kind;
    private final String source;
    private final String principal;
    private final String tenant;
    private final Set<String> scopes;
    /** The scopes sorted, as the request attribute {@code primus.scopes} gives them: made once, not per request. */
    private final List<String> sortedScopes;
    /**
     * The decisions that let this caller through, by rule ({@link AuthDecision#verified}), so that
     * a remembered token or a configured key is let through again without a new object. Racy on
     * purpose: a decision is immutable (final fields), so a reader sees a whole one or none, and a
     * lost write only costs making one again.
     */
    private final AuthDecision[] decisions = new AuthDecision[REMEMBERED_RULES];
    /** {@link #rateLimitBucket} by key, made on first use (racy on purpose: a lost write makes an equal string). */
    private final String[] buckets = new String[RateLimitKey.values().length];

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
        List<String> sorted = new ArrayList<String>(this.scopes);
        Collections.sort(sorted);
        this.sortedScopes = Collections.unmodifiableList(sorted);
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

    /** The scopes in sorted order, unmodifiable. */
    public List<String> sortedScopes() {
        return sortedScopes;
    }

    /**
     * The bucket this caller draws from under a rate limit counted by {@code key}:
     * {@code tenant:acme}, {@code principal:jwt/idp/user-17} (the principal in the name space of the
     * issuer or key that verified it: two issuers' {@code alice}, or an API key whose id is
     * {@code alice}, are not one caller), {@code api_key:partner-a}; null when the caller has no such
     * value (no tenant, not an API key, or {@code client_ip}, which is the request's). A tenant is the
     * operator's name for a customer, whoever vouches for it. Made once per caller and key, not per
     * request.
     */
    String rateLimitBucket(RateLimitKey key) {
        String bucket = buckets[key.ordinal()];
        if (bucket == null) {
            String value = key == RateLimitKey.CLIENT_IP ? null
                    : key == RateLimitKey.TENANT ? tenant
                    : key == RateLimitKey.API_KEY ? (kind == CredentialKind.API_KEY ? principal : null)
                    : principal == null ? null : kind.word() + "/" + source + "/" + principal;
            if (value == null) {
                return null;
            }
            bucket = key.word() + ":" + value;
            buckets[key.ordinal()] = bucket;
        }
        return bucket;
    }

    /** The decision last remembered on the slot of {@code rule}: it may be another rule's. */
    AuthDecision rememberedDecision(AuthRule rule) {
        return decisions[slot(rule)];
    }

    void rememberDecision(AuthRule rule, AuthDecision decision) {
        decisions[slot(rule)] = decision;
    }

    private static int slot(AuthRule rule) {
        // The id's hash is cached by String; neighbouring rules (auth.rules[3], [4]) get different slots.
        return rule.id().hashCode() & (REMEMBERED_RULES - 1);
    }

    @Override
    public String toString() {
        return kind.word() + " " + source + ": " + principal + (tenant == null ? "" : " of " + tenant) + " " + scopes;
    }
}
