package dev.primus.agent.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the auth engine adds to one request, as the servlet hook calls it
 * ({@link RequestAuthenticator#decide}): a public route, a JWT seen before (remembered), an API
 * key, a Stripe webhook; and the verification of a JWT seen for the first time (RS256 and ES256
 * signatures checked).
 * Sample mode, so the percentiles (p99) are printed beside the mean.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main AuthDecision</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthDecisionBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final String ISSUER = "https://idp.bench/";
    private static final String API_KEY = "pk_bench_partner";
    private static final String STRIPE_SECRET = "whsec_bench";
    /** Distinct tokens for the first-seen cases, cycled so the JIT sees real variety. */
    private static final int FIRST_SEEN_POOL = 64;

    private RequestAuthenticator authenticator;
    private JwtVerifier jwt;
    private long nowSeconds;
    private Request publicRoute;
    private Request cachedJwt;
    private Request apiKey;
    private Request stripe;
    private String[] firstSeenRs256;
    private String[] firstSeenEs256;
    private int nextRs256;
    private int nextEs256;

    /** A request from plain values, as the servlet adapter would present it. */
    private static final class Request implements AuthRequest {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;

        Request(String method, String path, byte[] body, String... headers) {
            this.method = method;
            this.path = path;
            this.body = body;
            for (int i = 0; i < headers.length; i += 2) {
                this.headers.put(headers[i], headers[i + 1]);
            }
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String rawPath() {
            return path;
        }

        @Override
        public String get(String name) {
            return headers.get(name);
        }

        @Override
        public String clientIp() {
            return "10.1.2.3";
        }

        @Override
        public byte[] body() {
            return body;
        }
    }

    @Setup
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        Path dir = Files.createTempDirectory("primus-auth-bench");
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        String yaml = String.join("\n",
                "service: bench",
                "auth:",
                "  default: deny",
                "  jwt:",
                "    - id: idp",
                "      issuer: " + ISSUER,
                "      jwks_file: " + jwks,
                "      audiences: [bench]",
                "      algorithms: [RS256, ES256]",
                "      tenant_claim: tenant",
                "  api_keys:",
                "    keys:",
                "      - id: partner",
                "        sha256: \"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(API_KEY.getBytes(StandardCharsets.UTF_8))) + "\"",
                "        tenant: acme",
                "        scopes: [orders:read]",
                "  webhooks:",
                "    - id: stripe",
                "      provider: stripe",
                "      secret: ${env:STRIPE}",
                "  rules:",
                "    - match: { path: /health }",
                "      require: public",
                "    - match: { path: /webhooks/stripe, methods: [POST] }",
                "      require: { webhook: stripe }",
                "    - match: { path: \"/api/**\" }",
                "      require: { any_of: [jwt, api_key], scopes: [orders:read] }",
                "");
        LoadResult result = new ConfigLoader(name -> "STRIPE".equals(name) ? STRIPE_SECRET : null)
                .load("bench.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new IllegalStateException(result.errors().toString());
        }
        AuthSetup setup = AuthSetup.bind(result.config().auth(), "bench.yaml", Clock.fixed(NOW, ZoneOffset.UTC));
        authenticator = new RequestAuthenticator(setup, "bench");
        jwt = setup.jwt();
        nowSeconds = NOW.getEpochSecond();

        publicRoute = new Request("GET", "/health", null);
        cachedJwt = bearer(token(JWSAlgorithm.RS256, "rsa", new RSASSASigner(rsa), 0));
        apiKey = new Request("GET", "/api/orders/42", null, "X-API-Key", API_KEY);
        byte[] event = ("{\"id\":\"evt_1NqLQ2\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"id\":\"pi_3NqLQ2\",\"amount\":4200,\"currency\":\"eur\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        stripe = new Request("POST", "/webhooks/stripe", event, "Stripe-Signature", stripeSignature(event));
        firstSeenRs256 = new String[FIRST_SEEN_POOL];
        firstSeenEs256 = new String[FIRST_SEEN_POOL];
        RSASSASigner rsaSigner = new RSASSASigner(rsa);
        ECDSASigner ecSigner = new ECDSASigner(ec);
        for (int i = 0; i < FIRST_SEEN_POOL; i++) {
            firstSeenRs256[i] = token(JWSAlgorithm.RS256, "rsa", rsaSigner, i + 1);
            firstSeenEs256[i] = token(JWSAlgorithm.ES256, "ec", ecSigner, i + 1);
            if (!jwt.verifyFirstSeen(firstSeenRs256[i], nowSeconds).isAccepted()
                    || !jwt.verifyFirstSeen(firstSeenEs256[i], nowSeconds).isAccepted()) {
                throw new IllegalStateException("a first-seen benchmark token does not verify");
            }
        }
        for (Request request : new Request[] {publicRoute, cachedJwt, apiKey, stripe}) {
            AuthDecision decision = authenticator.decide(request);
            if (!decision.isAllowed()) {
                throw new IllegalStateException("benchmark request refused: " + decision);
            }
        }
    }

    private static Request bearer(String token) {
        return new Request("GET", "/api/orders/42", null, "Authorization", "Bearer " + token);
    }

    private static String token(JWSAlgorithm algorithm, String kid, JWSSigner signer, int serial) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience("bench").subject("user-" + serial)
                        .claim("tenant", "acme").claim("scope", "orders:read orders:write")
                        .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(3600))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String stripeSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + NOW.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Benchmark
    public AuthDecision publicRoute() {
        return authenticator.decide(publicRoute);
    }

    @Benchmark
    public AuthDecision cachedJwt() {
        return authenticator.decide(cachedJwt);
    }

    /**
     * A token the verifier has not seen: every check and the signature, without the lookup of
     * tokens already verified (which would remember a pool of any size). The path and rule
     * work around it is what {@link #publicRoute} costs.
     */
    @Benchmark
    public Verification firstSeenRs256Jwt() {
        String token = firstSeenRs256[nextRs256];
        nextRs256 = (nextRs256 + 1) % FIRST_SEEN_POOL;
        return jwt.verifyFirstSeen(token, nowSeconds);
    }

    @Benchmark
    public Verification firstSeenEs256Jwt() {
        String token = firstSeenEs256[nextEs256];
        nextEs256 = (nextEs256 + 1) % FIRST_SEEN_POOL;
        return jwt.verifyFirstSeen(token, nowSeconds);
    }

    @Benchmark
    public AuthDecision apiKey() {
        return authenticator.decide(apiKey);
    }

    @Benchmark
    public AuthDecision stripeWebhook() {
        return authenticator.decide(stripe);
    }
}
