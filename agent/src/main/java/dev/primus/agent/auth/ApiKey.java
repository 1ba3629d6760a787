package dev.primus.agent.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One entry of {@code auth.api_keys.keys}. The config holds only the SHA-256 of the key, so a
 * leaked config file or heap dump does not leak the keys; the key itself has enough entropy
 * that a plain (unsalted, fast) hash cannot be reversed.
 */
public final class ApiKey {
    private final String id;
    private final byte[] sha256;
    private final String tenant;
    private final Set<String> scopes;
    /** What a request presenting this key is accepted as: the same each time, so made once. */
    private final Verification accepted;

    /**
     * @param id the principal a request with this key runs as
     * @param sha256Hex hex of the SHA-256 of the key's UTF-8 bytes (64 digits; case ignored)
     * @param tenant the tenant, or null
     * @param scopes the scopes the key grants, or null for none
     * @throws IllegalArgumentException naming the key id when the digest is not 64 hex digits
     */
    public ApiKey(String id, String sha256Hex, String tenant, Collection<String> scopes) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an api key needs an id");
        }
        byte[] digest = sha256Hex == null || sha256Hex.length() != 64 ? null : Hex.decode(sha256Hex);
        if (digest == null) {
            throw new IllegalArgumentException("api key " + id + ": sha256 must be the 64 hex digits of the key's"
                    + " SHA-256 (printf %s \"$KEY\" | sha256sum), not the key itself");
        }
        this.id = id;
        this.sha256 = digest;
        this.tenant = tenant;
        this.scopes = scopes == null ? Collections.<String>emptySet()
                : Collections.unmodifiableSet(new LinkedHashSet<String>(scopes));
        this.accepted = Verification.accepted(new Authenticated(CredentialKind.API_KEY, id, id, tenant, this.scopes));
    }

    public String id() {
        return id;
    }

    byte[] sha256() {
        return sha256;
    }

    /** The tenant, or null. */
    public String tenant() {
        return tenant;
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** The verification of a request that presents this key. */
    Verification accepted() {
        return accepted;
    }
}
