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
    void tasksetListsAreCounted() {
        assertEquals(1, Taskset.cpuCount("1"));
        assertEquals(5, Taskset.cpuCount("0-3,6"));
    }
}
