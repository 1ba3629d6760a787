package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.servlet.JettyServletContextApp;
import dev.primus.it.apps.servlet.JettyApp;
import dev.primus.it.apps.servlet.TomcatApp;
import dev.primus.it.apps.servlet.UndertowApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auth at the request entry of real servlet containers, in forked JVMs on JDK 17 and 25: a
 * refused request is answered by the agent and never reaches the app's first filter; tokens,
 * keys and webhooks that verify reach the app with who they are and the body intact. Each
 * container starts once per JDK and every case is a request sent to it.
 */
class ServletAuthIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final byte[] WEBHOOK_BODY =
            "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"amount\":4200,\"name\":\"Zoë Ørsted\"}\n"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A container under test: its library set, main class, arguments and context path. */
    record Container(String name, String libs, Class<?> main, List<String> args, String contextPath) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> containers() {
        List<Container> containers = new ArrayList<>(List.of(
                new Container("Tomcat 9 (javax)", "tomcat-9", TomcatApp.class, List.of("javax", "/shop"), "/shop"),
                new Container("Tomcat 11 (jakarta)", "tomcat-11", TomcatApp.class, List.of("jakarta", ""), ""),
                new Container("Jetty 12 EE10 (jakarta)", "jetty-12", JettyApp.class, List.of(), ""),
                new Container("Jetty 9.4 (javax)", "jetty-9.4", JettyServletContextApp.class, List.of(), ""),
                new Container("Undertow 2.3 (jakarta)", "undertow-2", UndertowApp.class, List.of(), "")));
        if (LibrarySets.sweep()) {
            // The version sweep: the oldest Tomcat line claimed, and Jetty 10 and 11 (Jetty 9's API).
            containers.add(new Container("Tomcat 8.5 (javax)", "tomcat-8.5", TomcatApp.class, List.of("javax", "/shop"), "/shop"));
            containers.add(new Container("Jetty 10 (javax)", "jetty-10", JettyServletContextApp.class, List.of(), ""));
            containers.add(new Container("Jetty 11 (jakarta)", "jetty-11", JettyServletContextApp.class, List.of("jakarta"), ""));
        }
        List<Arguments> arguments = new ArrayList<>();
        for (Container container : containers) {
            for (Path jdk : Jdks.all()) {
                arguments.add(Arguments.of(container, jdk));
            }
        }
        return arguments.stream();
    }

    private ForkedApp start(Container container, Path jdk, Path dir, String mode, AuthFixtures fixtures) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, fixtures.config(dir, mode, dir.resolve("audit.jsonl").toString()));
        ForkedApp app = ForkedApp.on(jdk).classPath(LibrarySets.classPath(container.main(), container.libs()))
                .env("STRIPE_WEBHOOK_SECRET", AuthFixtures.STRIPE_SECRET)
                .withAgent("config=" + config)
                .start(container.main(), container.args().toArray(String[]::new));
        app.awaitStdout(line -> line.startsWith("READY "), START_TIMEOUT);
        return app;
    }

    private HttpResponse<byte[]> send(ForkedApp app, String contextPath, String method, String path, byte[] body,
                                      String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.readyPort() + contextPath + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private CompletableFuture<HttpResponse<byte[]>> sendAsync(ForkedApp app, String contextPath, String method, String path,
                                                              byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.readyPort() + contextPath + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("containers")
    void refusedRequestsNeverReachTheAppAndVerifiedOnesArriveWithWhoTheyAre(Container container, Path jdk, @TempDir Path dir)
            throws Exception {
        AuthFixtures fixtures = new AuthFixtures();
        try (ForkedApp app = start(container, jdk, dir, "enforce", fixtures)) {
            String c = container.contextPath();
            String admin = fixtures.token("alice", "globex", "orders:read admin");
            String reader = fixtures.token("bob", "globex", "orders:read");
            List<Executable> checks = new ArrayList<>();
            int[] reachedApp = {0};

            HttpResponse<byte[]> health = send(app, c, "GET", "/health", null);
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, health.statusCode(), "public route"));

            // The JVM's first webhooks, all at once: the replaying request classes are made while
            // they race, and every forged one is still refused, every signed one still arrives whole.
            List<CompletableFuture<HttpResponse<byte[]>>> firstSigned = new ArrayList<>();
            List<CompletableFuture<HttpResponse<byte[]>>> firstForged = new ArrayList<>();
            byte[] forgedBody = new String(WEBHOOK_BODY, StandardCharsets.UTF_8).replace("4200", "1")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 8; i++) {
                firstSigned.add(sendAsync(app, c, "POST", "/webhooks/stripe", WEBHOOK_BODY,
                        "Stripe-Signature", AuthFixtures.stripeSignature(WEBHOOK_BODY, AuthFixtures.STRIPE_SECRET)));
                firstForged.add(sendAsync(app, c, "POST", "/webhooks/stripe", forgedBody,
                        "Stripe-Signature", AuthFixtures.stripeSignature(WEBHOOK_BODY, AuthFixtures.STRIPE_SECRET)));
            }
            for (CompletableFuture<HttpResponse<byte[]>> signed : firstSigned) {
                HttpResponse<byte[]> response = signed.get(30, TimeUnit.SECONDS);
                reachedApp[0]++;
                checks.add(() -> assertEquals(200, response.statusCode(), "a signed webhook among the JVM's first"));
                checks.add(() -> assertArrayEquals(WEBHOOK_BODY, response.body(), "a first signed webhook arrives whole"));
            }
            for (CompletableFuture<HttpResponse<byte[]>> forged : firstForged) {
                int status = forged.get(30, TimeUnit.SECONDS).statusCode();
                checks.add(() -> assertEquals(400, status, "a forged webhook among the JVM's first"));
            }

            HttpResponse<byte[]> anonymous = send(app, c, "GET", "/api/orders", null);
            checks.add(() -> assertEquals(401, anonymous.statusCode(), "no credential"));
            checks.add(() -> assertEquals("Bearer realm=\"" + AuthFixtures.SERVICE + "\"", header(anonymous, "WWW-Authenticate")));
            checks.add(() -> assertEquals("application/problem+json", header(anonymous, "Content-Type")));
            checks.add(() -> assertTrue(new String(anonymous.body(), StandardCharsets.UTF_8).contains("\"status\":401")));

            HttpResponse<byte[]> keyed = send(app, c, "GET", "/api/orders", null, "X-API-Key", AuthFixtures.API_KEY);
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, keyed.statusCode(), "valid API key"));
            checks.add(() -> assertEquals("partner-a", header(keyed, "X-Principal")));
            checks.add(() -> assertEquals("acme", header(keyed, "X-Tenant")));
            checks.add(() -> assertEquals("[orders:read]", header(keyed, "X-Scopes")));

            HttpResponse<byte[]> wrongKey = send(app, c, "GET", "/api/orders", null, "X-API-Key", "pk_guessed");
            checks.add(() -> assertEquals(401, wrongKey.statusCode(), "wrong API key"));
            checks.add(() -> assertTrue(header(wrongKey, "WWW-Authenticate").contains("error=\"invalid_token\"")));

            HttpResponse<byte[]> forged = send(app, c, "GET", "/api/orders", null, "X-API-Key", AuthFixtures.API_KEY,
                    "Authorization", "Bearer " + reader.substring(0, reader.length() - 4) + "AAAA");
            checks.add(() -> assertEquals(401, forged.statusCode(), "a forged token beside a good key"));

            HttpResponse<byte[]> lacksScope = send(app, c, "GET", "/api/admin/users", null, "Authorization", "Bearer " + reader);
            checks.add(() -> assertEquals(403, lacksScope.statusCode(), "token without the admin scope"));
            checks.add(() -> assertTrue(header(lacksScope, "WWW-Authenticate").contains("error=\"insufficient_scope\"")));

            HttpResponse<byte[]> adminCall = send(app, c, "GET", "/api/admin/users", null, "Authorization", "Bearer " + admin);
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, adminCall.statusCode(), "admin token"));
            checks.add(() -> assertEquals("alice", header(adminCall, "X-Principal")));
            checks.add(() -> assertEquals("globex", header(adminCall, "X-Tenant")));
            checks.add(() -> assertEquals("[admin, orders:read]", header(adminCall, "X-Scopes")));

            for (String trick : List.of("/health/..;/api/admin/users", "/health/%2e%2e/api/admin/users",
                    "/api/%61dmin/users", "//api/admin/users", "/api/admin;jsessionid=x/users")) {
                HttpResponse<byte[]> tricked = send(app, c, "GET", trick, null, "Authorization", "Bearer " + reader);
                checks.add(() -> assertTrue(tricked.statusCode() == 400 || tricked.statusCode() == 403
                        || tricked.statusCode() == 404, trick + " answered " + tricked.statusCode()));
            }

            if (!c.isEmpty()) {
                // The context path spelled so that the container reads it from another spelling than the
                // raw URI's (Tomcat strips the extra slash): the path in the app is judged, not the whole URI.
                HttpResponse<byte[]> healthAgain = send(app, "/" + c, "GET", "/health", null);
                reachedApp[0]++;
                checks.add(() -> assertEquals(200, healthAgain.statusCode(), "/" + c + "/health"));
                HttpResponse<byte[]> scoped = send(app, "/" + c, "GET", "/api/admin/users", null, "Authorization", "Bearer " + reader);
                checks.add(() -> assertEquals(403, scoped.statusCode(), "/" + c + "/api/admin/users"));
                checks.add(() -> assertTrue(String.valueOf(header(scoped, "WWW-Authenticate")).contains("insufficient_scope"),
                        "/" + c + "/api/admin/users judged by the admin rule, not auth.default"));
            }

            HttpResponse<byte[]> unmatched = send(app, c, "GET", "/internal/metrics", null);
            checks.add(() -> assertEquals(403, unmatched.statusCode(), "auth.default: deny"));

            HttpResponse<byte[]> webhook = send(app, c, "POST", "/webhooks/stripe", WEBHOOK_BODY,
                    "Stripe-Signature", AuthFixtures.stripeSignature(WEBHOOK_BODY, AuthFixtures.STRIPE_SECRET),
                    "Content-Type", "application/json; charset=UTF-8");
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, webhook.statusCode(), "signed webhook"));
            checks.add(() -> assertArrayEquals(WEBHOOK_BODY, webhook.body(), "the app reads the body the agent verified"));

            HttpResponse<byte[]> webhookByReader = send(app, c, "POST", "/webhooks/stripe", WEBHOOK_BODY,
                    "Stripe-Signature", AuthFixtures.stripeSignature(WEBHOOK_BODY, AuthFixtures.STRIPE_SECRET),
                    "Content-Type", "application/json; charset=UTF-8", "X-Read-With", "reader");
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, webhookByReader.statusCode(), "signed webhook read with getReader"));
            checks.add(() -> assertArrayEquals(WEBHOOK_BODY, webhookByReader.body(), "getReader gives the same text"));

            // A form-encoded delivery (GitHub's form option posts payload=...): its signed fields are the app's
            // parameters, the query string's first, as the container would have read them from the body.
            // Its name in UTF-8 with no charset named, as GitHub sends it: read as the container reads a form,
            // ISO-8859-1 (Tomcat, Undertow) or UTF-8 (Jetty); the query string in UTF-8 everywhere.
            byte[] form = "payload=%7B%22id%22%3A7%7D&kind=push+event&kind=second&name=caf%C3%A9"
                    .getBytes(StandardCharsets.US_ASCII);
            String name = container.name().startsWith("Jetty") ? "café" : "cafÃ©";
            HttpResponse<byte[]> formWebhook = send(app, c, "POST", "/webhooks/stripe?source=h%C3%A9", form,
                    "Stripe-Signature", AuthFixtures.stripeSignature(form, AuthFixtures.STRIPE_SECRET),
                    "Content-Type", "application/x-www-form-urlencoded", "X-Read-With", "parameters");
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, formWebhook.statusCode(), "signed form webhook"));
            checks.add(() -> assertEquals("kind=push event,second\nname=" + name + "\npayload={\"id\":7}\nsource=hé\n",
                    new String(formWebhook.body(), StandardCharsets.UTF_8), "the form's fields as the app's parameters"));

            byte[] altered = new String(WEBHOOK_BODY, StandardCharsets.UTF_8).replace("4200", "9900").getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> spoofed = send(app, c, "POST", "/webhooks/stripe", altered,
                    "Stripe-Signature", AuthFixtures.stripeSignature(WEBHOOK_BODY, AuthFixtures.STRIPE_SECRET));
            checks.add(() -> assertEquals(400, spoofed.statusCode(), "body altered after signing"));

            HttpResponse<byte[]> async = send(app, c, "GET", "/async", null);
            reachedApp[0]++;
            checks.add(() -> assertEquals(200, async.statusCode(), "judged once: its ASYNC dispatch is not counted again"));
            checks.add(() -> assertEquals("async ASYNC", new String(async.body(), StandardCharsets.UTF_8)));

            List<Integer> limited = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                limited.add(send(app, c, "GET", "/limited", null).statusCode());
            }
            HttpResponse<byte[]> overLimit = send(app, c, "GET", "/limited", null);
            reachedApp[0] += 2;
            checks.add(() -> assertEquals(List.of(200, 200, 429), limited, "a bucket of 2 in Redis, per client address"));
            checks.add(() -> assertTrue(Integer.parseInt(header(overLimit, "Retry-After")) >= 1, "429 says when to retry"));

            HttpResponse<byte[]> count = send(app, c, "GET", "/count", null);
            int expected = reachedApp[0];
            checks.add(() -> assertEquals("filter_hits=" + expected, new String(count.body(), StandardCharsets.UTF_8),
                    "only allowed requests reached the app's first filter"));

            Predicate<String> authDenial = line -> line.contains("\"type\":\"auth\"")
                    && line.contains("\"outcome\":\"denied\"") && line.contains("\"route\":\"/api/orders\"")
                    && line.contains("\"method\":\"GET\"") && line.contains("\"client_ip\":\"127.0.0.1\"")
                    && line.contains("\"rule\":\"auth.rules[5]\"");
            Predicate<String> scopeDenial = line -> line.contains("\"type\":\"authz\"")
                    && line.contains("\"outcome\":\"denied\"") && line.contains("\"principal\":\"bob\"")
                    && line.contains("\"tenant\":\"globex\"");
            Predicate<String> webhookDenial = line -> line.contains("\"type\":\"webhook\"")
                    && line.contains("\"outcome\":\"denied\"");
            Predicate<String> rateLimitDenial = line -> line.contains("\"type\":\"rate_limit\"")
                    && line.contains("\"outcome\":\"denied\"") && line.contains("\"route\":\"/limited\"");
            List<String> audit = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"),
                    authDenial, scopeDenial, webhookDenial, rateLimitDenial);
            checks.add(() -> assertTrue(audit.stream().anyMatch(authDenial), "an auth denial is audited: " + audit));
            checks.add(() -> assertTrue(audit.stream().anyMatch(scopeDenial), "a scope denial is audited with who it was"));
            checks.add(() -> assertTrue(audit.stream().anyMatch(webhookDenial), "a webhook denial is audited"));
            checks.add(() -> assertTrue(audit.stream().anyMatch(rateLimitDenial), "a rate-limit denial is audited"));
            checks.add(() -> assertTrue(audit.stream().noneMatch(line -> line.contains(AuthFixtures.API_KEY)
                    || line.contains(reader) || line.contains(AuthFixtures.STRIPE_SECRET)), "no credential is audited"));
            // A supported container version has every hook it needs: no hook is reported missing.
            checks.add(() -> assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")),
                    "hooks reported missing: " + app.primusLines()));
            checks.add(() -> assertTrue(app.primusLines().stream().noneMatch(line -> line.contains("agent failure")),
                    "no check failed inside the agent: " + app.primusLines()));
            assertAll(container + " on " + Jdks.name(jdk), checks);
        }
    }

    @Test
    void monitorModeLetsRefusedRequestsThroughAndAuditsThemAsWouldDeny(@TempDir Path dir) throws Exception {
        Container tomcat = new Container("Tomcat 11 (jakarta)", "tomcat-11", TomcatApp.class, List.of("jakarta", ""), "");
        try (ForkedApp app = start(tomcat, Jdks.all().get(0), dir, "monitor", new AuthFixtures())) {
            HttpResponse<byte[]> anonymous = send(app, "", "GET", "/api/orders", null);
            HttpResponse<byte[]> count = send(app, "", "GET", "/count", null);
            Predicate<String> wouldDeny = line -> line.contains("\"type\":\"auth\"")
                    && line.contains("\"outcome\":\"would_deny\"") && line.contains("\"mode\":\"monitor\"");
            List<String> audit = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"), wouldDeny);
            assertAll(
                    () -> assertEquals(200, anonymous.statusCode()),
                    () -> assertEquals("filter_hits=1", new String(count.body(), StandardCharsets.UTF_8)),
                    () -> assertTrue(audit.stream().anyMatch(wouldDeny), audit.toString()));
        }
    }
}
