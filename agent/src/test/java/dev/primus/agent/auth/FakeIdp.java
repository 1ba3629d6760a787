package dev.primus.agent.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider on 127.0.0.1 (never another address): serves what the test sets for
 * each path, and counts the requests per path. 404 for a path nothing was set for.
 */
final class FakeIdp implements AutoCloseable {
    static final String JWKS = "/jwks.json";
    static final String DISCOVERY = "/.well-known/openid-configuration";

    record Response(int status, String body, Map<String, String> headers, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeIdp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        // Not the dispatcher thread: a test's slow answer must not hold up the others.
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serve(String path, Response response) {
        responses.put(path, response);
    }

    void serve(String path, int status, String body) {
        serve(path, new Response(status, body, Map.of(), Duration.ZERO));
    }

    /** The public parts of {@code keys} as the JWK set at {@link #JWKS}. */
    void serveKeys(JWK... keys) {
        serve(JWKS, 200, new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString());
    }

    /** A discovery document at {@link #DISCOVERY} naming {@code issuer} and this server's {@link #JWKS}. */
    void serveDiscovery(String issuer) {
        serve(DISCOVERY, 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base() + JWKS + "\"}");
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Response response = responses.getOrDefault(path, new Response(404, "not found", Map.of(), Duration.ZERO));
        try {
            Thread.sleep(response.delay().toMillis());
        } catch (InterruptedException e) {
            exchange.close();
            return;
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
