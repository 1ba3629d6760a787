package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's first command after the build: {@code demo} runs the demo service without and with
 * the agent, on JDK 17 and 25, and narrates every guard. Its own checks (each guard acted, the
 * trail's chain holds) decide its exit status; this test reads the narration as a newcomer would.
 */
class DemoIT {
    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theDemoNarratesEveryGuard(Path jdk) throws Exception {
        long started = System.nanoTime();
        try (ForkedApp demo = ForkedApp.cli(jdk, "demo", "--plain")) {
            int exit = demo.awaitExit(Duration.ofSeconds(120));
            String said = String.join("\n", demo.stdout());
            System.out.printf("demo on %s: %.1f s%n", Jdks.name(jdk), (System.nanoTime() - started) / 1e9);
            assertEquals(0, exit, said + "\n" + demo.stderr());
            for (String section : List.of("1. Egress allowlist", "2. DNS exfiltration", "3. Log masking",
                    "4. Auth at the servlet entry", "5. Stripe webhook signatures", "6. Rate limit", "7. Audit trail")) {
                assertTrue(said.contains("\n" + section + ": "), section + " missing:\n" + said);
            }
            assertTrue(said.contains("without the agent  connected to 127.0.0.2:"), said);
            assertTrue(said.contains("with the agent     no connection to 127.0.0.2:"), said);
            assertTrue(said.contains("EgressLookupDeniedException") && said.contains("egress.dns"), said);
            assertTrue(said.contains("with the agent     order 1042 paid by [EMAIL] with card [CREDIT_CARD], login password=[PASSWORD_KV]"),
                    said);
            assertTrue(said.contains("with the agent     200 200 200 429 429"), said);
            assertTrue(said.contains("verify-audit: hash chain intact"), said);
            assertFalse(said.contains("\u001b["), "no colour when not on a terminal");
            // The demo's trail holds an event of every guard: each line as the published schema describes it.
            java.util.regex.Matcher trail = java.util.regex.Pattern.compile("[0-9]+ events in (\\S+audit\\.jsonl)").matcher(said);
            assertTrue(trail.find(), said);
            Path audit = Path.of(trail.group(1));
            List<String> events = java.nio.file.Files.readAllLines(audit);
            for (String event : events) {
                AuditTrail.assertMatchesSchema(audit, event);
            }
            for (String type : List.of("egress", "auth", "webhook", "rate_limit", "masking", "agent", "config")) {
                assertTrue(events.stream().anyMatch(e -> e.contains("\"type\":\"" + type + "\"")), type + " in " + events);
            }
        }
    }
}
