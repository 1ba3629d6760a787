package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example lines docs/audit-events.md shows are events as its schema describes them, so the page stays true. */
class AuditEventsDocTest {
    @Test
    void everyExampleLineMatchesTheSchema() throws Exception {
        Path page = Path.of("..", "docs", "audit-events.md");
        int examples = 0;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("{\"ts\":")) {
                AuditTrail.assertMatchesSchema(page, line);
                examples++;
            }
        }
        assertTrue(examples >= 10, "docs/audit-events.md shows " + examples + " example lines");
    }
}
