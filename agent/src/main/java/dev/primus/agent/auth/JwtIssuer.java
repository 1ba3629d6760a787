package dev.primus.agent.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of {@code auth.jwt}: an issuer whose tokens are accepted, the keys that sign them,
 * and how to read them. Built with {@link #builder}; {@link Builder#build} refuses a setting that
 * would open a hole, with a message naming the issuer.
 */
public final class JwtIssuer {
    /** Which {@code typ} header a token must carry. */
    public enum TokenType {
        /** {@code typ: JWT}, or no {@code typ}: what most identity providers send. */
        JWT,
        /**
         * Only {@code typ: at+jwt} (RFC 9068): for providers that mark access tokens, so an ID
         * token of the same issuer, audience and keys cannot be replayed as an access token.
         */
        AT_JWT
    }

    private final String id;
    private final String issuer;
    private final Set<String> audiences;
    private final Set<JWSAlgorithm> algorithms;
    private final boolean symmetric;
    private final long clockSkewSeconds;
    private final String scopesClaim;
    private final String tenantClaim;
    private final String principalClaim;
    private final TokenType tokenType;
    private final JWKSource<SecurityContext> keys;

    private JwtIssuer(Builder builder, Set<JWSAlgorithm> algorithms, boolean symmetric) {
        this.id = builder.id;
        this.issuer = builder.issuer;
        this.audiences = Collections.unmodifiableSet(new LinkedHashSet<String>(builder.audiences));
        this.algorithms = Collections.unmodifiableSet(algorithms);
        this.symmetric = symmetric;
        this.clockSkewSeconds = builder.clockSkew.getSeconds();
        this.scopesClaim = builder.scopesClaim;
        this.tenantClaim = builder.tenantClaim;
        this.principalClaim = builder.principalClaim;
        this.tokenType = builder.tokenType;
        this.keys = builder.keys;
    }

    /**
     * @param id the {@code auth.jwt[].id}, named in audit events
     * @param issuer the exact {@code iss} tokens carry (a trailing slash matters)
     * @param keys the issuer's JWK set: read from a file, or a {@link RemoteJwkSet} kept fresh over HTTP
     */
    public static Builder builder(String id, String issuer, JWKSource<SecurityContext> keys) {
        return new Builder(id, issuer, keys);
    }

    public String id() {
        return id;
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> audiences() {
        return audiences;
    }

    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** True when the allowed algorithms are HMAC (shared secret), false when they are public-key ones. */
    public boolean isSymmetric() {
        return symmetric;
    }

    public long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public String scopesClaim() {
        return scopesClaim;
    }

    /** The claim naming the tenant, or null when tokens of this issuer name none. */
    public String tenantClaim() {
        return tenantClaim;
    }

    /** The claim naming the caller: {@code sub} unless the config names another (an email, a client id). */
    public String principalClaim() {
        return principalClaim;
    }

    public TokenType tokenType() {
        return tokenType;
    }

    public JWKSource<SecurityContext> keys() {
        return keys;
    }

    /** Settings of one issuer; defaults: RS256, 60s clock skew, scopes in {@code scope}, no tenant, typ JWT. */
    public static final class Builder {
        private final String id;
        private final String issuer;
        private final JWKSource<SecurityContext> keys;
        private Collection<String> audiences = Collections.emptySet();
        private Collection<String> algorithms = Collections.singleton("RS256");
        private Duration clockSkew = Duration.ofSeconds(60);
        private String scopesClaim = "scope";
        private String tenantClaim;
        private String principalClaim = "sub";
        private TokenType tokenType = TokenType.JWT;

        private Builder(String id, String issuer, JWKSource<SecurityContext> keys) {
            this.id = id;
            this.issuer = issuer;
            this.keys = keys;
        }

        /** The audiences one of which {@code aud} must contain; at least one is required. */
        public Builder audiences(Collection<String> audiences) {
            this.audiences = audiences;
            return this;
        }

        /** JWS algorithm names, {@code RS256}, {@code ES256}: the allowlist, all of one kind (HMAC or public key). */
        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms = algorithms;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder scopesClaim(String scopesClaim) {
            this.scopesClaim = scopesClaim;
            return this;
        }

        public Builder tenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
            return this;
        }

        public Builder principalClaim(String principalClaim) {
            this.principalClaim = principalClaim;
            return this;
        }

        public Builder tokenType(TokenType tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        /** @throws IllegalArgumentException naming the issuer's id and what to change */
        public JwtIssuer build() {
            String where = "auth.jwt " + id + ": ";
            if (id == null || id.isEmpty() || issuer == null || issuer.isEmpty() || keys == null) {
                throw new IllegalArgumentException(where + "an issuer needs an id, an issuer and a JWK set");
            }
            if (audiences == null || audiences.isEmpty()) {
                throw new IllegalArgumentException(where + "audiences is empty; without it a token minted for any"
                        + " other service of the same issuer would be accepted");
            }
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.getSeconds() > 600) {
                throw new IllegalArgumentException(where + "clock_skew must be between 0s and 600s; 60s is usual");
            }
            if (scopesClaim == null || scopesClaim.isEmpty() || tokenType == null) {
                throw new IllegalArgumentException(where + "scopes_claim and token type must be set");
            }
            Set<JWSAlgorithm> allowed = new LinkedHashSet<JWSAlgorithm>();
            for (String name : algorithms == null ? Collections.<String>emptySet() : algorithms) {
                JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
                if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm) && !JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                    throw new IllegalArgumentException(where + "algorithm " + name + " is not a JWS signature"
                            + " algorithm; use RS256, PS256, ES256, EdDSA or, with a shared secret, HS256");
                }
                allowed.add(algorithm);
            }
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException(where + "algorithms is empty; name the ones the issuer signs with, RS256 is usual");
            }
            boolean symmetric = JWSAlgorithm.Family.HMAC_SHA.containsAll(allowed);
            if (!symmetric && anyHmac(allowed)) {
                throw new IllegalArgumentException(where + "algorithms mixes HMAC " + hmacOf(allowed)
                        + " with public-key algorithms; an issuer's keys are either public keys or a shared secret,"
                        + " and mixing them lets a public key be used as an HMAC secret");
            }
            return new JwtIssuer(this, allowed, symmetric);
        }

        private static boolean anyHmac(Set<JWSAlgorithm> algorithms) {
            return !hmacOf(algorithms).isEmpty();
        }

        private static Set<String> hmacOf(Set<JWSAlgorithm> algorithms) {
            Set<String> hmac = new LinkedHashSet<String>();
            for (JWSAlgorithm algorithm : algorithms) {
                if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                    hmac.add(algorithm.getName().toUpperCase(Locale.ROOT));
                }
            }
            return hmac;
        }
    }
}
