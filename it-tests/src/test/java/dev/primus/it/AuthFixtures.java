package dev.primus.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credentials the auth it-tests present, minted here: an identity provider's RSA key (its
 * JWKS written to a file), an API key, and a Stripe webhook secret; and the config that names them.
 */
final class AuthFixtures {
    static final String SERVICE = "servlet-it";
    static final String ISSUER = "https://idp.test/";
    static final String API_KEY = "pk_partner_a_3f9c1e";
    static final String STRIPE_SECRET = "whsec_it_5b7d";

    private final RSAKey idpKey;
    /** Unique per fixture: the Redis buckets of one run never meet another's. */
    final String rateLimitId = "anon-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    AuthFixtures() throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("it-key-1").generate();
    }

    /** Writes the IdP's public JWKS beside the config and returns the config text. */
    String config(Path dir, String mode, String auditFile) throws Exception {
        return config(dir, mode, auditFile, "");
    }

    /** The same, with {@code firstRules} (YAML list items, indented four) ahead of the usual ones. */
    String config(Path dir, String mode, String auditFile, String firstRules) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(idpKey.toPublicJWK()).toString());
        return "service: " + SERVICE + "\n"
                + "egress: { mode: off }\n"
                + "logging: { masking: { mode: off } }\n"
                + "auth:\n"
                + "  mode: " + mode + "\n"
                + "  default: deny\n"
                + "  jwt:\n"
                + "    - id: test-idp\n"
                + "      issuer: " + ISSUER + "\n"
                + "      jwks_file: " + jwks + "\n"
                + "      audiences: [" + SERVICE + "]\n"
                + "      tenant_claim: tenant\n"
                + "  api_keys:\n"
                + "    header: X-API-Key\n"
                + "    keys:\n"
                + "      - id: partner-a\n"
                + "        sha256: " + sha256(API_KEY) + "\n"
                + "        tenant: acme\n"
                + "        scopes: [orders:read]\n"
                + "  webhooks:\n"
                + "    - id: stripe\n"
                + "      provider: stripe\n"
                + "      secret: ${env:STRIPE_WEBHOOK_SECRET}\n"
                + "  rules:\n"
                + firstRules
                + "    - match: { path: /health }\n"
                + "      require: public\n"
                + "    - match: { path: /count }\n"
                + "      require: public\n"
                + "    - match: { path: /async }\n"
                + "      require: public\n"
                + "      rate_limit: once\n"
                + "    - match: { path: /limited }\n"
                + "      require: public\n"
                + "      rate_limit: " + rateLimitId + "\n"
                + "    - match: { path: \"/api/admin/**\" }\n"
                + "      require: { any_of: [jwt], scopes: [admin] }\n"
                + "    - match: { path: \"/api/**\" }\n"
                + "      require: { any_of: [jwt, api_key], scopes: [orders:read] }\n"
                + "    - match: { path: /webhooks/stripe, methods: [POST] }\n"
                + "      require: { webhook: stripe }\n"
                + "  rate_limits:\n"
                + "    - id: once\n"
                + "      key: client_ip\n"
                + "      capacity: 1\n"
                + "      refill_per_second: 0\n"
                + "    - id: " + rateLimitId + "\n"
                + "      key: client_ip\n"
                + "      capacity: 2\n"
                + "      refill_per_second: 0.01\n"
                + "      backend: redis\n"
                + "      redis_url: redis://127.0.0.1:6379\n"
                + "audit:\n"
                + "  sinks:\n"
                + "    - type: file\n"
                + "      path: " + auditFile + "\n";
    }

    /** An access token of the test IdP for this service. */
    String token(String subject, String tenant, String scope) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(SERVICE)
                .subject(subject)
                .claim("tenant", tenant)
                .claim("scope", scope)
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idpKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(idpKey));
        return jwt.serialize();
    }

    /** A {@code Stripe-Signature} header for {@code body}, signed now. */
    static String stripeSignature(byte[] body, String secret) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
