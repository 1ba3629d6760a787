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
        assertEquals("principal:user-17", user.rateLimitBucket(RateLimitKey.PRINCIPAL));
        assertEquals("api_key:partner-a", partner.rateLimitBucket(RateLimitKey.API_KEY));
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
