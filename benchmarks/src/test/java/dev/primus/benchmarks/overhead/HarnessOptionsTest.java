package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {
    @Test
    void theAppCommandPinsFixesTheHeapAndPutsTheFlagsBeforeTheJar() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("app", ".jar");
        HarnessOptions options = HarnessOptions.parse(new String[] {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/",
            "--heap", "512m", "--app-cpus", "0", "--", "8080"});

        List<String> command = AppProcess.command(options, AgentConfiguration.parse("p=-javaagent:p.jar"), true);

        assertEquals(List.of("taskset", "-c", "0", options.java(), "-Xms512m", "-Xmx512m", "-javaagent:p.jar",
                "-jar", jar.toString(), "8080"), command);
    }

    @Test
    void quickShortensThePhasesAndKeepsOneRate() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("app", ".jar");
        HarnessOptions options = HarnessOptions.parse(new String[] {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/",
            "--quick", "--rates", "100,200"});

        assertEquals(3, options.rounds());
        assertEquals(5, options.saturationSeconds());
        assertEquals(10, options.rateSeconds());
        assertEquals(List.of(100.0), options.rates());
        assertEquals(List.of(options.ready()), options.requests().stream().map(LoadRequest::url).toList());
        assertEquals(LoadClient.KEEPALIVE, options.client());
    }

    @Test
    void requestUrlsAndRequestFilesAddToOneMixInTheOrderGiven() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("app", ".jar");
        java.nio.file.Path mix = java.nio.file.Files.createTempFile("mix", ".http");
        java.nio.file.Files.writeString(mix, "POST http://127.0.0.1:1/hooks\nX-Signature: s\n\n{}\n###\nGET http://127.0.0.1:1/b\n");

        HarnessOptions options = HarnessOptions.parse(new String[] {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/",
            "--request", "http://127.0.0.1:1/a", "--requests", mix.toString()});

        assertEquals(List.of("GET http://127.0.0.1:1/a", "POST http://127.0.0.1:1/hooks", "GET http://127.0.0.1:1/b"),
                options.requests().stream().map(LoadRequest::label).toList());
    }

    @Test
    void httpsNeedsTheJdkClient() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("app", ".jar");
        String[] https = {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/", "--request", "https://127.0.0.1:1/a"};

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(https));
        assertEquals("--request: https://127.0.0.1:1/a: the keepalive client speaks plain http only; add --client jdk for https",
                e.getMessage());
        String[] withJdk = java.util.stream.Stream.concat(java.util.Arrays.stream(https), java.util.stream.Stream.of("--client", "jdk"))
                .toArray(String[]::new);
        assertEquals(LoadClient.JDK, HarnessOptions.parse(withJdk).client());
    }

    @Test
    void agentMetricsAreAskedForOnlyWhenNamed() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("app", ".jar");

        HarnessOptions without = HarnessOptions.parse(new String[] {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/"});
        HarnessOptions with = HarnessOptions.parse(new String[] {"--app", jar.toString(), "--ready", "http://127.0.0.1:1/",
            "--agent-metrics", "http://127.0.0.1:9464/metrics"});

        assertEquals(null, without.agentMetrics());
        assertEquals(java.net.URI.create("http://127.0.0.1:9464/metrics"), with.agentMetrics());
    }

    @Test
    void tasksetListsAreCounted() {
        assertEquals(1, Taskset.cpuCount("1"));
        assertEquals(5, Taskset.cpuCount("0-3,6"));
    }
}
