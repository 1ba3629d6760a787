package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.OrdersController;
import dev.primus.it.apps.SpringAuthApp;
import dev.primus.it.apps.SpringMvcApp;
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
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auth in Spring apps (Boot 3.x on jakarta, Boot 2.7 on javax, and Spring MVC 6 with no Boot; the
 * version sweep adds Spring MVC 7 on Tomcat 11), in forked JVMs on JDK 17 and 25:
 * the app's controllers see who the caller is through request attributes and the MDC, a rule
 * naming a handler method is checked before that handler runs, and a webhook body reaches
 * {@code @RequestBody} intact. Each app starts once per JDK; every case is a request.
 */
class SpringAuthIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String REFUND_RULE = "    - match: { handler: \"" + OrdersController.class.getName() + "#refund\" }\n"
            + "      require: { any_of: [jwt], scopes: [orders:refund] }\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Stream<Arguments> apps() {
        List<Arguments> apps = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            apps.add(Arguments.of("Spring Boot 3", SpringAuthApp.class, null, jdk));
            apps.add(Arguments.of("Spring Boot 2.7", SpringAuthApp.class, "spring-boot-2.7", jdk));
            apps.add(Arguments.of("Spring MVC 6, no Boot", SpringMvcApp.class, null, jdk));
            if (LibrarySets.sweep()) {
                apps.add(Arguments.of("Spring MVC 7 on Tomcat 11, no Boot", SpringMvcApp.class, "spring-7", jdk));
            }
        }
        return apps.stream();
    }

    private HttpResponse<String> send(int port, String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} on {3}")
    @MethodSource("apps")
    void controllersSeeWhoTheCallerIsAndHandlerRulesAreCheckedBeforeTheHandler(String name, Class<?> main, String libs, Path jdk,
                                                                              @TempDir Path dir) throws Exception {
        AuthFixtures fixtures = new AuthFixtures();
        Path config = dir.resolve("primus.yaml");
        // Egress audited (monitor), so that a call a controller makes shows the request it was made for.
        Files.writeString(config, fixtures.config(dir, "enforce", dir.resolve("audit.jsonl").toString(), REFUND_RULE)
                .replace("egress: { mode: off }", "egress: { mode: monitor, default: deny }"));
        ForkedApp.Builder builder = ForkedApp.on(jdk).env("STRIPE_WEBHOOK_SECRET", AuthFixtures.STRIPE_SECRET)
                .withAgent("config=" + config);
        if (libs != null) {
            builder.classPath(LibrarySets.classPath(main, libs));
        }
        try (ForkedApp app = builder.start(main, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off")) {
            String ready = app.awaitStdout(line -> line.startsWith("READY "), START_TIMEOUT);
            int port = Integer.parseInt(ready.substring("READY ".length()).trim());
            String reader = fixtures.token("bob", "globex", "orders:read");
            String refunder = fixtures.token("carol", "initech", "orders:read orders:refund");
            List<Executable> checks = new ArrayList<>();

            HttpResponse<String> orders = send(port, "GET", "/api/orders", null, "Authorization", "Bearer " + reader);
            checks.add(() -> assertEquals(200, orders.statusCode()));
            checks.add(() -> assertEquals("principal=bob;tenant=globex;mdc_tenant=globex;mdc_principal=bob", orders.body(),
                    "request attributes and MDC while the request runs"));

            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            HttpResponse<String> notifying;
            try (java.net.ServerSocket notified = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
                notifying = send(port, "GET", "/api/orders?notify=" + notified.getLocalPort(), null,
                        "Authorization", "Bearer " + reader, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
            }
            checks.add(() -> assertEquals(200, notifying.statusCode()));
            Predicate<String> correlatedCall = line -> line.contains("\"type\":\"egress\"") && line.contains("\"trace_id\":\"" + traceId + "\"")
                    && line.contains("\"span_id\":\"00f067aa0ba902b7\"") && line.contains("\"principal\":\"bob\"")
                    && line.contains("\"tenant\":\"globex\"") && line.contains("\"route\":\"/api/orders\"")
                    && line.contains("\"method\":\"GET\"");
            List<String> correlated = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"), correlatedCall);
            checks.add(() -> assertTrue(correlated.stream().anyMatch(correlatedCall),
                    "the controller's outbound call carries its request's trace, caller and route: " + correlated.stream()
                            .filter(l -> l.contains("\"type\":\"egress\"")).toList()));

            HttpResponse<String> keyed = send(port, "GET", "/api/orders", null, "X-API-Key", AuthFixtures.API_KEY);
            checks.add(() -> assertEquals("principal=partner-a;tenant=acme;mdc_tenant=acme;mdc_principal=partner-a",
                    keyed.body(), "no MDC value is left over from the previous request"));

            HttpResponse<String> anonymous = send(port, "GET", "/api/orders", null);
            checks.add(() -> assertEquals(401, anonymous.statusCode()));

            HttpResponse<String> refundByKey = send(port, "POST", "/api/orders/7/refund", null,
                    "X-API-Key", AuthFixtures.API_KEY);
            checks.add(() -> assertEquals(401, refundByKey.statusCode(), "the handler rule takes tokens only"));
            HttpResponse<String> refundByReader = send(port, "POST", "/api/orders/7/refund", null,
                    "Authorization", "Bearer " + reader);
            checks.add(() -> assertEquals(403, refundByReader.statusCode(), "the handler rule's scope is missing"));
            HttpResponse<String> refund = send(port, "POST", "/api/orders/7/refund", null, "Authorization", "Bearer " + refunder);
            checks.add(() -> assertEquals(200, refund.statusCode()));
            checks.add(() -> assertEquals("refunded 7 by carol", refund.body()));

            byte[] event = "{\"id\":\"evt_9\",\"note\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> webhook = send(port, "POST", "/webhooks/stripe", event, "Content-Type", "application/json",
                    "Stripe-Signature", AuthFixtures.stripeSignature(event, AuthFixtures.STRIPE_SECRET));
            checks.add(() -> assertEquals(200, webhook.statusCode()));
            checks.add(() -> assertEquals(new String(event, StandardCharsets.UTF_8), webhook.body(), "@RequestBody gets the body"));

            // Reached the first filter: three order reads, the refund attempts the path rules let
            // through (three: the handler rule refuses two of them after the filter), the webhook.
            HttpResponse<String> count = send(port, "GET", "/count", null);
            checks.add(() -> assertEquals("filter_hits=7", count.body()));

            Predicate<String> handlerRuleRefusal = line -> line.contains("\"type\":\"authz\"")
                    && line.contains("\"rule\":\"auth.rules[0]\"") && line.contains("\"principal\":\"bob\"")
                    && line.contains("\"route\":\"/api/orders/7/refund\"");
            List<String> audit = AuditTrail.awaitLinesMatching(dir.resolve("audit.jsonl"), handlerRuleRefusal);
            checks.add(() -> assertTrue(audit.stream().anyMatch(handlerRuleRefusal),
                    "the handler rule's refusal is audited: " + audit));
            checks.add(() -> assertTrue(app.primusLines().stream().noneMatch(line -> line.contains(" WARN hook ")),
                    "hooks reported missing: " + app.primusLines()));
            assertAll(name + " on " + Jdks.name(jdk), checks);
        }
    }
}
