package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.SpringWebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Spring Boot 3 web app answers exactly as without the agent, on JDK 17 and 25. Each app
 * starts once for the class (with and without the agent, per JDK); every case is a request
 * sent to both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootAppIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, ForkedApp> apps = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path dir;

    @BeforeAll
    void startApps() throws Exception {
        dir = Files.createTempDirectory("primus-spring-it");
        for (Path jdk : Jdks.all()) {
            String name = Jdks.name(jdk);
            Path config = dir.resolve(name + ".yaml");
            Files.writeString(config, "service: spring-it\nmode: enforce\naudit:\n  sinks:\n    - type: file\n"
                    + "      path: " + dir.resolve(name + "-audit.jsonl") + "\n");
            start(name + " without agent", ForkedApp.on(jdk));
            start(name + " with agent", ForkedApp.on(jdk).withAgent("config=" + config));
        }
    }

    private void start(String key, ForkedApp.Builder builder) throws Exception {
        ForkedApp app = builder.start(SpringWebApp.class, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off");
        apps.put(key, app);
        String ready = app.awaitStdout(line -> line.startsWith("READY "), START_TIMEOUT);
        ports.put(key, Integer.parseInt(ready.substring("READY ".length()).trim()));
    }

    @AfterAll
    void stopApps() {
        apps.values().forEach(ForkedApp::close);
    }

    /** What a client sees of one request: status, body and the headers an app sets. */
    private List<String> exchange(String key, HttpRequest.Builder request, String path) throws Exception {
        HttpResponse<String> response = http.send(request.uri(URI.create("http://127.0.0.1:" + ports.get(key) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> seen = new ArrayList<>();
        seen.add("status " + response.statusCode());
        seen.add("body " + response.body());
        for (String header : List.of("content-type", "x-code", "content-length")) {
            seen.add(header + ": " + response.headers().allValues(header));
        }
        return seen;
    }

    private void assertSameAnswers(HttpRequest.Builder request, String path) throws Exception {
        for (Path jdk : Jdks.all()) {
            String name = Jdks.name(jdk);
            List<String> without = exchange(name + " without agent", request, path);
            List<String> with = exchange(name + " with agent", request, path);
            assertEquals(without, with, name + " " + path);
        }
    }

    @Test
    void getAnswersTheSame() throws Exception {
        assertSameAnswers(HttpRequest.newBuilder().GET(), "/hello?name=ops");
    }

    @Test
    void postWithABodyAnswersTheSame() throws Exception {
        assertSameAnswers(HttpRequest.newBuilder().header("X-Trace", "t-1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1042,\"items\":[1,2,3]}")), "/echo");
    }

    @Test
    void errorStatusesAnswerTheSame() throws Exception {
        assertSameAnswers(HttpRequest.newBuilder().GET(), "/status/418");
        assertSameAnswers(HttpRequest.newBuilder().GET(), "/status/503");
    }

    @Test
    void unknownRoutesAnswerTheSame() throws Exception {
        for (Path jdk : Jdks.all()) {
            String name = Jdks.name(jdk);
            assertEquals(exchange(name + " without agent", HttpRequest.newBuilder().GET(), "/nope").get(0),
                    exchange(name + " with agent", HttpRequest.newBuilder().GET(), "/nope").get(0));
        }
    }

    @Test
    void theAgentStartedAndAuditedInEachApp() throws Exception {
        for (Path jdk : Jdks.all()) {
            String name = Jdks.name(jdk);
            ForkedApp app = apps.get(name + " with agent");
            app.awaitStderr(l -> l.startsWith("[primus]") && l.contains(" started in ") && l.contains("service spring-it"),
                    START_TIMEOUT);
            List<String> audit = AuditTrail.awaitAtLeast(dir.resolve(name + "-audit.jsonl"), 1);
            assertTrue(audit.get(0).contains("\"type\":\"agent\"") && audit.get(0).contains("\"reason\":\"started\""),
                    audit.toString());
            assertTrue(apps.get(name + " without agent").primusLines().isEmpty());
        }
    }
}
