package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.primus.agent.ratelimit.RateLimitKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatedTest {
    private final Authenticated user = new Authenticated(CredentialKind.JWT, "idp", "user-17", "acme",
            new java.util.LinkedHashSet<>(List.of("orders:write", "admin", "orders:read")));
    private final Authenticated partner = new Authenticated(CredentialKind.API_KEY, "partner-a", "partner-a", null, Set.of());

    @Test
    void aCallerDrawsFromTheBucketOfItsTenantPrincipalOrKey() {
        assertEquals("tenant:acme", user.rateLimitBucket(RateLimitKey.TENANT));
        assertEquals("principal:jwt/idp/user-17", user.rateLimitBucket(RateLimitKey.PRINCIPAL));
        assertEquals("api_key:partner-a", partner.rateLimitBucket(RateLimitKey.API_KEY));
    }

    /** Two issuers' alice, or an API key named alice, are not one caller: each draws from a bucket of its own. */
    @Test
    void aPrincipalsBucketIsInTheNameSpaceOfWhatVerifiedIt() {
        Authenticated corporate = new Authenticated(CredentialKind.JWT, "corporate", "alice", "acme", Set.of());
        Authenticated partnerIdp = new Authenticated(CredentialKind.JWT, "partner-idp", "alice", "acme", Set.of());
        Authenticated key = new Authenticated(CredentialKind.API_KEY, "alice", "alice", "acme", Set.of());
        assertEquals(3, Set.of(corporate.rateLimitBucket(RateLimitKey.PRINCIPAL),
                partnerIdp.rateLimitBucket(RateLimitKey.PRINCIPAL), key.rateLimitBucket(RateLimitKey.PRINCIPAL)).size());
        assertEquals(corporate.rateLimitBucket(RateLimitKey.TENANT), partnerIdp.rateLimitBucket(RateLimitKey.TENANT),
                "a tenant is the operator's name for a customer, whoever vouches for it");
    }

    @Test
    void aCallerWithoutTheValueALimitCountsByHasNoBucketOfItsOwn() {
        assertNull(partner.rateLimitBucket(RateLimitKey.TENANT), "no tenant");
        assertNull(user.rateLimitBucket(RateLimitKey.API_KEY), "a token is not an API key");
        assertNull(user.rateLimitBucket(RateLimitKey.CLIENT_IP), "the address is the request's, not the caller's");
    }

    @Test
    void aCallersBucketIsMadeOnceNotPerRequest() {
        assertSame(user.rateLimitBucket(RateLimitKey.TENANT), user.rateLimitBucket(RateLimitKey.TENANT));
    }

    @Test
    void scopesAreAlsoKeptSortedForTheRequestAttribute() {
        assertEquals(List.of("orders:write", "admin", "orders:read"), List.copyOf(user.scopes()), "as the credential lists them");
        assertEquals(List.of("admin", "orders:read", "orders:write"), user.sortedScopes());
        assertSame(user.sortedScopes(), user.sortedScopes());
    }
}
