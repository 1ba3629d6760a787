package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditSink;
import dev.primus.config.Mode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The URL an egress event names: a webhook's token in its path is not written to the trail. */
class EgressAuditUrlTest {
    private static final String TOKEN = "q7w8e9r0t1y2u3i4o5p6a7s8";

    @Test
    void aDeniedWebhooksTokenIsMaskedInItsEvent() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AuditPipeline audit = AuditPipeline.create("t", 64, List.of(new AuditSink() {
            @Override
            public String name() {
                return "capture";
            }

            @Override
            public void write(List<String> openLines, long firstSeq) {
                lines.addAll(openLines);
            }

            @Override
            public void close() {
            }
        })).start(List.of());
        try {
            EgressGuard guard = new EgressGuard(new EgressJudge(PolicyFixture.policy("  default: deny\n"), Mode.ENFORCE,
                    false, "test.yaml", audit));
            assertNotNull(guard.exchangeDenial(URI.create("https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/" + TOKEN)));
            String line = awaitEgressLine(lines);
            assertTrue(line.contains("\"url\":\"https://hooks.slack.com:443/services/[SLACK_WEBHOOK]\""), line);
            assertFalse(line.contains(TOKEN), line);
        } finally {
            audit.shutdown(2000);
        }
    }

    /** The writer thread writes the event: read again until it has, for at most ten seconds. */
    private static String awaitEgressLine(List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    if (line.contains("\"type\":\"egress\"")) {
                        return line;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no egress event within 10 s: " + lines);
    }
}
