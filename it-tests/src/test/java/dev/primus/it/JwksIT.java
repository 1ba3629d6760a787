package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.primus.it.apps.servlet.TomcatApp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys from a real identity provider on loopback: the agent in a forked Tomcat finds the JWKS by
 * OIDC discovery, through its egress policy, follows a key rotation, and keeps verifying through
 * an IdP outage. The IdP is a small HTTP server in this test JVM.
 */
class JwksIT {
    private static final String AUDIENCE = "jwks-it";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** The test IdP: discovery and the key set it currently publishes; counts key-set fetches. */
    private static final class TestIdp implements AutoCloseable {
        final HttpServer server;
        final String issuer;
        final AtomicReference<JWKSet> published = new AtomicReference<>();
        final AtomicInteger jwksFetches = new AtomicInteger();

        TestIdp() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/it";
            server.createContext("/realms/it/.well-known/openid-configuration", exchange -> {
                byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/realms/it/certs", exchange -> {
                jwksFetches.incrementAndGet();
                byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static RSAKey key() throws Exception {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    private static String token(String issuer, RSAKey key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(subject).claim("scope", "orders:read")
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(int port, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void keysComeByDiscoveryFollowARotationAndOutliveAnOutage(Path jdk, @TempDir Path dir) throws Exception {
        RSAKey first = key();
        RSAKey second = key();
        try (TestIdp idp = new TestIdp()) {
            idp.published.set(new JWKSet(first.toPublicJWK()));
            Path config = dir.resolve("primus.yaml");
            Files.writeString(config, "service: " + AUDIENCE + "\n"
                    + "egress:\n  mode: enforce\n  default: deny\n  allow:\n    - cidr: 127.0.0.1/32\n"
                    + "logging: { masking: { mode: off } }\n"
                    + "auth:\n  mode: enforce\n  jwt:\n    - id: it-idp\n      issuer: " + idp.issuer + "\n"
                    + "      audiences: [" + AUDIENCE + "]\n"
                    + "  rules:\n    - match: { path: \"/api/**\" }\n      require: { any_of: [jwt], scopes: [orders:read] }\n"
                    + "audit:\n  sinks:\n    - type: file\n      path: " + dir.resolve("audit.jsonl") + "\n");
            try (ForkedApp app = ForkedApp.on(jdk).classPath(LibrarySets.classPath(TomcatApp.class, "tomcat-11"))
                    .withAgent("config=" + config).start(TomcatApp.class, "jakarta", "")) {
                String ready = app.awaitStdout(line -> line.startsWith("READY "), Duration.ofSeconds(90));
                int port = Integer.parseInt(ready.substring(6).trim());
                List<Executable> checks = new ArrayList<>();

                int firstKey = status(port, token(idp.issuer, first, "alice"));
                checks.add(() -> assertEquals(200, firstKey, "a token of the key the IdP published"));

                idp.published.set(new JWKSet(second.toPublicJWK()));
                int rotated = status(port, token(idp.issuer, second, "bob"));
                checks.add(() -> assertEquals(200, rotated, "a new kid makes the agent fetch the rotated key set"));
                int withdrawn = status(port, token(idp.issuer, first, "carol"));
                checks.add(() -> assertEquals(401, withdrawn, "a key the IdP no longer publishes"));

                idp.close();
                int duringOutage = status(port, token(idp.issuer, second, "dave"));
                checks.add(() -> assertEquals(200, duringOutage, "the last good key set outlives the IdP"));
                long started = System.nanoTime();
                int unknownDuringOutage = status(port, token(idp.issuer, key(), "eve"));
                long waitedMillis = (System.nanoTime() - started) / 1_000_000;
                checks.add(() -> assertEquals(401, unknownDuringOutage, "an unknown key while the IdP is down"));
                checks.add(() -> assertTrue(waitedMillis < 10_000, "a bounded wait, not a hang: " + waitedMillis + " ms"));
                int fetches = idp.jwksFetches.get();
                checks.add(() -> assertTrue(fetches >= 2 && fetches <= 4, "key set fetched at start and on rotation: " + fetches));
                assertAll(Jdks.name(jdk), checks);
            }
        }
    }
}
