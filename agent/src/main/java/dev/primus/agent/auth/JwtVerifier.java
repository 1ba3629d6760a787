package dev.primus.agent.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a bearer JWT against the configured issuers ({@code auth.jwt}). The signature check
 * is nimbus's ({@link DefaultJWTProcessor} with a {@link JWSVerificationKeySelector} over the
 * issuer's allowlist and JWK set); what is here is the order of refusals around it, each with
 * one reason:
 * <ol>
 *   <li>shape, before any parsing: no longer than the size limit; three base64url parts (five
 *       is an encrypted JWE, refused: only signed tokens are accepted); JSON nested no deeper
 *       than the depth limit, so a parser cannot be made to recurse without end;</li>
 *   <li>header: {@code alg: none} in any case; {@code jku}, {@code x5u}, {@code jwk},
 *       {@code x5c} (keys come only from the configured JWK set, never from the token);
 *       {@code crit} (no extension is understood, so RFC 7515 says refuse);
 *       {@code cty: JWT} (a nested token);</li>
 *   <li>issuer: {@code iss} must equal a configured issuer exactly; it is read before the
 *       signature is checked only to pick that issuer's keys;</li>
 *   <li>algorithm: an HMAC {@code alg} for an issuer with public keys is refused as key
 *       confusion (the public key would be the HMAC secret); then the issuer's allowlist;
 *       then {@code typ} (JWT or absent, or exactly {@code at+jwt});</li>
 *   <li>the signature;</li>
 *   <li>claims, with the issuer's clock skew: {@code exp} required and not past, {@code nbf}
 *       and {@code iat} not in the future, {@code aud} holding a configured audience,
 *       {@code sub} present, the scope and tenant claims of the right type.</li>
 * </ol>
 * Times are checked here rather than by nimbus's claims verifier so that "now" comes from the
 * given {@link Clock}. A token that verified is remembered ({@link VerifiedTokens}) until it
 * expires, at most five minutes, so a client's next request costs a lookup, not a signature.
 */
public final class JwtVerifier {
    /** Real access tokens are 1-2 KB; 8 KB leaves room for many claims and refuses abuse early. */
    public static final int DEFAULT_MAX_TOKEN_CHARS = 8192;
    /** Keycloak's {@code resource_access.client.roles} is 3 deep; 10 leaves room. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 10;
    private static final List<String> KEY_HEADERS = Arrays.asList("jku", "x5u", "jwk", "x5c");

    private final Map<String, JwtIssuer> issuers = new HashMap<String, JwtIssuer>();
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors =
            new HashMap<String, DefaultJWTProcessor<SecurityContext>>();
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens();
    private final int maxTokenChars;
    private final int maxJsonDepth;

    public JwtVerifier(List<JwtIssuer> issuers, Clock clock) {
        this(issuers, clock, DEFAULT_MAX_TOKEN_CHARS, DEFAULT_MAX_JSON_DEPTH);
    }

    /** @throws IllegalArgumentException when two issuers share an {@code iss} */
    public JwtVerifier(List<JwtIssuer> issuers, Clock clock, int maxTokenChars, int maxJsonDepth) {
        for (JwtIssuer issuer : issuers) {
            if (this.issuers.put(issuer.issuer(), issuer) != null) {
                throw new IllegalArgumentException("auth.jwt " + issuer.id() + ": issuer " + issuer.issuer()
                        + " is configured twice; one issuer, one entry");
            }
            processors.put(issuer.issuer(), processorFor(issuer));
        }
        this.clock = clock;
        this.maxTokenChars = maxTokenChars;
        this.maxJsonDepth = maxJsonDepth;
    }

    private static DefaultJWTProcessor<SecurityContext> processorFor(JwtIssuer issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<SecurityContext>(issuer.algorithms(), issuer.keys()));
        // typ and the claims are checked in verify(), each with its own reason and this class's clock.
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor;
    }

    /**
     * @param token the bearer token ({@link BearerToken#fromAuthorization}), or null when none was sent
     */
    public Verification verify(String token) {
        if (token == null || token.isEmpty()) {
            return Verification.missing("no bearer token");
        }
        if (token.length() > maxTokenChars) {
            return Verification.invalid(tooLong());
        }
        long now = nowSeconds();
        Verification seen = verified.get(token, now);
        return seen != null ? seen : verifyFirstSeen(token, now);
    }

    /**
     * The bearer token of an {@code Authorization} header, verified as {@link #verify} does; null
     * when the header holds none ({@link BearerToken#fromAuthorization} would give null). A token
     * verified before is looked up where it stands in the header: the client's next request
     * copies nothing out of it.
     */
    public Verification verifyAuthorization(String authorization) {
        int start = BearerToken.start(authorization);
        if (start < 0) {
            return null;
        }
        int end = BearerToken.end(authorization);
        if (end - start > maxTokenChars) {
            return Verification.invalid(tooLong());
        }
        long now = nowSeconds();
        Verification seen = verified.get(authorization, start, end, now);
        return seen != null ? seen : verifyFirstSeen(authorization.substring(start, end), now, authorization, start);
    }

    private String tooLong() {
        return "token longer than " + maxTokenChars + " chars";
    }

    /** Now, in whole seconds; from {@link Clock#millis}, which, unlike {@code instant()}, creates no object. */
    private long nowSeconds() {
        return Math.floorDiv(clock.millis(), 1000L);
    }

    /** Everything {@link #verify} checks for a token it has not seen: every check, signature included. */
    Verification verifyFirstSeen(String token, long now) {
        return verifyFirstSeen(token, now, token, 0);
    }

    /** The same, an accepted token remembered as it stands in {@code text} from {@code start} (its header, or itself). */
    private Verification verifyFirstSeen(String token, long now, String text, int start) {
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            return Verification.invalid("encrypted token (JWE); only signed tokens are accepted");
        }
        if (parts.length != 3 || !isBase64Url(parts[0]) || !isBase64Url(parts[1]) || !isBase64Url(parts[2])) {
            return Verification.invalid("not a signed JWT (three base64url parts)");
        }
        String headerJson = new Base64URL(parts[0]).decodeToString();
        String claimsJson = new Base64URL(parts[1]).decodeToString();
        if (depth(headerJson) > maxJsonDepth || depth(claimsJson) > maxJsonDepth) {
            return Verification.invalid("JSON nested deeper than " + maxJsonDepth);
        }
        Map<String, Object> header;
        JWTClaimsSet claims;
        try {
            header = JSONObjectUtils.parse(headerJson);
        } catch (ParseException e) {
            return Verification.invalid("header is not a JSON object");
        }
        String refusedHeader = refusedHeader(header);
        if (refusedHeader != null) {
            return Verification.invalid(refusedHeader);
        }
        try {
            claims = JWTClaimsSet.parse(claimsJson);
        } catch (ParseException e) {
            return Verification.invalid("claims are not a JSON object of well-typed claims");
        }
        JwtIssuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            return Verification.invalid(claims.getIssuer() == null ? "no iss claim" : "iss is not a configured issuer");
        }
        String refusedAlgorithm = refusedAlgorithm(JWSAlgorithm.parse((String) header.get("alg")), issuer);
        if (refusedAlgorithm != null) {
            return Verification.invalid(refusedAlgorithm);
        }
        if (!typeAccepted(header.get("typ"), issuer.tokenType())) {
            return Verification.invalid("typ " + header.get("typ") + " is not accepted for issuer " + issuer.id());
        }
        String refusedSignature = refusedSignature(token, issuer);
        if (refusedSignature != null) {
            return Verification.invalid(refusedSignature);
        }
        Verification verification = checkClaims(claims, issuer);
        if (verification.isAccepted()) {
            java.util.Date expiry = claims.getExpirationTime();
            verified.put(text, start, start + token.length(), verification, now,
                    expiry == null ? Long.MAX_VALUE : expiry.getTime() / 1000 + issuer.clockSkewSeconds());
        }
        return verification;
    }

    private static String refusedHeader(Map<String, Object> header) {
        Object algorithm = header.get("alg");
        if (!(algorithm instanceof String)) {
            return "header has no alg";
        }
        if (((String) algorithm).equalsIgnoreCase("none")) {
            return "alg none (an unsigned token)";
        }
        if (header.containsKey("enc")) {
            return "encrypted token (JWE); only signed tokens are accepted";
        }
        for (String keyHeader : KEY_HEADERS) {
            if (header.containsKey(keyHeader)) {
                return "header " + keyHeader + " refused: keys come only from the configured JWK set";
            }
        }
        if (header.containsKey("crit")) {
            return "header crit names extensions this verifier does not implement";
        }
        Object contentType = header.get("cty");
        if (contentType instanceof String && isJwtMediaType((String) contentType)) {
            return "nested token (cty JWT)";
        }
        return null;
    }

    private static String refusedAlgorithm(JWSAlgorithm algorithm, JwtIssuer issuer) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) && !issuer.isSymmetric()) {
            return "alg " + algorithm + " with issuer " + issuer.id() + "'s public keys (key confusion)";
        }
        if (!issuer.algorithms().contains(algorithm)) {
            return "alg " + algorithm + " is not allowed for issuer " + issuer.id();
        }
        return null;
    }

    /** RFC 8725 section 3.11: media types compare ignoring case, and "application/" may be left out. */
    private static boolean typeAccepted(Object type, JwtIssuer.TokenType expected) {
        if (expected == JwtIssuer.TokenType.AT_JWT) {
            return type instanceof String && withoutApplication((String) type).equals("at+jwt");
        }
        return type == null || type instanceof String && isJwtMediaType((String) type);
    }

    private static boolean isJwtMediaType(String type) {
        return withoutApplication(type).equals("jwt");
    }

    private static String withoutApplication(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    private String refusedSignature(String token, JwtIssuer issuer) {
        try {
            processors.get(issuer.issuer()).process(SignedJWT.parse(token), null);
            return null;
        } catch (ParseException e) {
            return "not a signed JWT";
        } catch (BadJWSException e) {
            return "signature does not verify";
        } catch (BadJOSEException e) {
            return "no key of issuer " + issuer.id() + " matches the token's alg and kid";
        } catch (KeySourceException e) {
            return "JWK set of issuer " + issuer.id() + " unavailable";
        } catch (JOSEException e) {
            return "signature cannot be checked with the issuer's key";
        }
    }

    private Verification checkClaims(JWTClaimsSet claims, JwtIssuer issuer) {
        long now = nowSeconds();
        long skew = issuer.clockSkewSeconds();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            return Verification.invalid("no exp claim");
        }
        if (seconds(expires) + skew <= now) {
            return Verification.invalid("token expired");
        }
        if (claims.getNotBeforeTime() != null && seconds(claims.getNotBeforeTime()) - skew > now) {
            return Verification.invalid("token not valid yet (nbf)");
        }
        if (claims.getIssueTime() != null && seconds(claims.getIssueTime()) - skew > now) {
            return Verification.invalid("token issued in the future (iat)");
        }
        if (claims.getAudience() == null || Collections.disjoint(claims.getAudience(), issuer.audiences())) {
            return Verification.invalid("aud names none of issuer " + issuer.id() + "'s audiences");
        }
        // RFC 9068 requires sub; the principal may be another claim (an email, a client id) the config names.
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            return Verification.invalid("no sub claim");
        }
        Object principal = claims.getClaim(issuer.principalClaim());
        if (!(principal instanceof String) || ((String) principal).isEmpty()) {
            return Verification.invalid("claim " + issuer.principalClaim() + " is missing or not a string");
        }
        Set<String> scopes = scopes(claims.getClaim(issuer.scopesClaim()));
        if (scopes == null) {
            return Verification.invalid("claim " + issuer.scopesClaim() + " is neither a string nor an array of strings");
        }
        Object tenant = issuer.tenantClaim() == null ? null : claims.getClaim(issuer.tenantClaim());
        if (tenant != null && !(tenant instanceof String)) {
            return Verification.invalid("claim " + issuer.tenantClaim() + " is not a string");
        }
        return Verification.accepted(new Authenticated(CredentialKind.JWT, issuer.id(), (String) principal,
                (String) tenant, scopes));
    }

    private static long seconds(Date date) {
        return Math.floorDiv(date.getTime(), 1000L);
    }

    /** A space-separated string (RFC 8693 {@code scope}) or an array of strings; null for anything else. */
    private static Set<String> scopes(Object claim) {
        Set<String> scopes = new LinkedHashSet<String>();
        if (claim == null) {
            return scopes;
        }
        if (claim instanceof String) {
            for (String scope : ((String) claim).split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
            return scopes;
        }
        if (claim instanceof List) {
            for (Object scope : (List<?>) claim) {
                if (!(scope instanceof String)) {
                    return null;
                }
                scopes.add((String) scope);
            }
            return scopes;
        }
        return null;
    }

    private static boolean isBase64Url(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The deepest nesting of objects and arrays in {@code json}, read without parsing it. */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
