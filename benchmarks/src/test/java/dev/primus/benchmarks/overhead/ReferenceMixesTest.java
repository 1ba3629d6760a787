package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference apps' committed request mixes, read by the parser {@code --requests} uses: the
 * fixtures module checks their credentials with its own reader, and this keeps the two agreeing
 * on what the file holds, down to the signed webhook body's bytes.
 */
class ReferenceMixesTest {
    private static final Path BENCHMARKS = Path.of("").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"reference-spring", "reference-war"})
    void theHarnessReadsEveryRequestOfTheMixAndTheWebhookBodyByteForByte(String app) throws Exception {
        List<LoadRequest> requests = RequestFile.read(BENCHMARKS.resolve(app).resolve("request-mix.http"));

        assertEquals(12, requests.size(), "the 12 requests the app's README lists");
        assertEquals(11, requests.stream().filter(r -> r.method().equals("GET")).count());
        LoadRequest webhook = requests.get(requests.size() - 1);
        assertEquals("POST", webhook.method());
        assertTrue(webhook.url().getPath().startsWith("/webhooks/"), webhook.url().toString());
        assertArrayEquals(Files.readAllBytes(BENCHMARKS.resolve("reference-fixtures/credentials/webhook-body.json")),
                webhook.body(), "the body the committed signature signs");
        int port = app.equals("reference-spring") ? 18081 : 18082;
        assertTrue(requests.stream().allMatch(r -> r.url().getHost().equals("127.0.0.1") && r.url().getPort() == port),
                "every request goes to the app's port on loopback");
    }
}
