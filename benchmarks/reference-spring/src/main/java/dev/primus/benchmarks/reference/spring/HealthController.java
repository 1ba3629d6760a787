package dev.primus.benchmarks.reference.spring;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Readiness for the harness: answers 200 once the server takes requests, without touching the database. */
@RestController
public class HealthController {
    private static final Map<String, String> UP = Map.of("status", "UP");

    @GetMapping("/health")
    public Map<String, String> health() {
        return UP;
    }
}
