package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.servlet.JettyApp;
import dev.primus.it.apps.servlet.JettyServletContextApp;
import dev.primus.it.apps.servlet.TomcatApp;
import dev.primus.it.apps.servlet.UndertowApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access log a servlet container writes itself, not through a logging framework: Tomcat's
 * AccessLogValve, Jetty's CustomRequestLog, Undertow's AccessLogHandler and logback-access's
 * valve on Tomcat, each with a pattern that prints the request line and the Authorization header,
 * or, with logstash-logback-encoder's JSON access encoder, its "message", "requested_url" and
 * "request_headers" fields. A token and a password in the query string and a bearer token in the
 * header are masked there, the rest of the line kept.
 */
class AccessLogIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long a container may take to write the line once the response is in. */
    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(20);
    private static final String PASSWORD = "hunter2keyed";
    private static final String ACCESS_TOKEN = "accTok77XK9mp2QLW8zt";
    private static final String BEARER = "keyedBearer0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code logbackAccess}: the resource configuring logback-access's valve, or null for the container's own log. */
    record Container(String name, String libs, Class<?> main, List<String> args, String contextPath, String logbackAccess) {
        Container(String name, String libs, Class<?> main, List<String> args, String contextPath) {
            this(name, libs, main, args, contextPath, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> containers() {
        List<Container> containers = List.of(
                new Container("Tomcat 9 (javax)", "tomcat-9", TomcatApp.class, List.of("javax", "/shop"), "/shop"),
                new Container("Tomcat 11 (jakarta)", "tomcat-11", TomcatApp.class, List.of("jakarta", ""), ""),
                new Container("Jetty 12 EE10 (jakarta)", "jetty-12", JettyApp.class, List.of(), ""),
                new Container("Jetty 9.4 (javax)", "jetty-9.4", JettyServletContextApp.class, List.of(), ""),
                new Container("Undertow 2.3 (jakarta)", "undertow-2", UndertowApp.class, List.of(), ""),
                new Container("Tomcat 9 + logback-access 1.2", "tomcat-9-logback-access", TomcatApp.class,
                        List.of("javax", "/shop"), "/shop", "logback-access-1.2.xml"),
                new Container("Tomcat 11 + logback-access 2.0", "tomcat-11-logback-access", TomcatApp.class,
                        List.of("jakarta", ""), "", "logback-access-2.0.xml"),
                new Container("Tomcat 11 + logback-access 2.0 + logstash JSON", "tomcat-11-logback-access", TomcatApp.class,
                        List.of("jakarta", ""), "", "logback-access-2.0-logstash.xml"));
        List<Arguments> arguments = new ArrayList<>();
        for (Container container : containers) {
            for (Path jdk : Jdks.all()) {
                arguments.add(Arguments.of(container, jdk));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("containers")
    void aSecretInTheRequestLineOrTheAuthorizationHeaderIsMaskedInTheAccessLog(Container container, Path jdk,
            @TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, """
                service: access-log-it
                egress: { mode: "off" }
                auth: { mode: "off" }
                logging: { masking: { mode: enforce } }
                audit: { sinks: [ { type: file, path: %s } ] }
                """.formatted(dir.resolve("audit.jsonl")));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        ForkedApp.Builder builder = ForkedApp.on(jdk).classPath(LibrarySets.classPath(container.main(), container.libs()))
                .jvmArg("-Dprimus.it.accessLog=" + logs).withAgent("config=" + config);
        if (container.logbackAccess() != null) {
            builder.jvmArg("-Dprimus.it.logbackAccess=" + container.logbackAccess());
        }
        try (ForkedApp app = builder.start(container.main(), container.args().toArray(String[]::new))) {
            app.awaitStdout(line -> line.startsWith("READY "), START_TIMEOUT);
            String base = "http://127.0.0.1:" + app.readyPort() + container.contextPath();
            send(base + "/orders?user=bob&password=" + PASSWORD + "&access_token=" + ACCESS_TOKEN + "&page=2",
                    "Bearer " + BEARER);
            send(base + "/orders?page=3", null);
            String log = awaitLines(logs.resolve("access.log"), 2);
            String secretLine = log.lines().filter(line -> line.contains("page=2")).findFirst().orElseThrow();
            assertTrue(secretLine.contains("user=bob&password=[PASSWORD_KV]&access_token=[PASSWORD_KV]&page=2"),
                    container + ": the request line is kept with its values masked: " + secretLine);
            assertTrue(secretLine.contains("Bearer [BEARER_TOKEN]"), container + ": the header's credential: " + secretLine);
            for (String secret : List.of(PASSWORD, ACCESS_TOKEN, BEARER)) {
                assertFalse(log.contains(secret), container + ": " + secret + " in\n" + log);
            }
            String cleanRequest = "GET " + container.contextPath() + "/orders?page=3 HTTP/1.1";
            assertTrue(log.lines().anyMatch(line -> line.contains(cleanRequest)),
                    container + ": a clean line is written as it was:\n" + log);
        }
    }

    private void send(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
    }

    /** The file once it holds {@code lines} lines, read again until then: the container writes it on its own thread. */
    private static String awaitLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(file) ? Files.readString(file) : "";
            if (text.lines().count() >= lines && text.endsWith("\n")) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " did not hold " + lines + " lines within " + WRITTEN_WITHIN + ":\n" + text);
    }
}
