package dev.primus.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.control.ConfigWatcher;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload through the real engines, without weaving: the new policy decides the next check, an
 * invalid edit is refused and the old one stays, what only a restart gives is said, and each
 * outcome is a {@code config} audit event naming no value.
 */
class LivePolicyTest {
    @TempDir
    Path dir;
    private AuditPipeline audit;

    @AfterEach
    void stopAudit() {
        if (audit != null) {
            audit.shutdown(2000);
        }
    }

    private String egress(String mode, String allowedIp) {
        return String.join("\n", "service: live-test", "mode: " + mode, "egress:", "  default: deny", "  allow:",
                "    - cidr: " + allowedIp + "/32", "logging:", "  masking:", "    mode: " + mode, "audit:", "  sinks:",
                "    - type: file", "      path: " + dir.resolve("audit.jsonl"), "");
    }

    private LivePolicy start(Path file) {
        ConfigSource source = ConfigSource.locate(file.toString(), null, null);
        LoadResult result = source.load(new ConfigLoader(Environment.PROCESS));
        assertTrue(result.isValid(), () -> result.errors().toString());
        PrimusConfig config = result.config();
        audit = AuditPipeline.create(config.service(), config.audit()).start(List.of());
        return LivePolicy.create(config, Guards.bindAuth(config), audit, source, null);
    }

    private static boolean denied(LivePolicy live, String ip) {
        return live.egress().checkSocket(new InetSocketAddress(ip, 443), null) != null;
    }

    @Test
    void theNextCheckAfterAReloadIsJudgedByTheNewFile() throws IOException {
        Path file = Files.writeString(dir.resolve("primus.yaml"), egress("enforce", "127.0.0.2"));
        LivePolicy live = start(file);
        assertFalse(denied(live, "127.0.0.2"));
        assertTrue(denied(live, "127.0.0.3"));

        Files.writeString(file, egress("enforce", "127.0.0.3"));
        ConfigWatcher.Reload reload = live.reload("the file changed", false);

        assertTrue(reload.applied, reload.summary);
        assertTrue(denied(live, "127.0.0.2"), "no longer allowed");
        assertFalse(denied(live, "127.0.0.3"), "allowed now");
        assertEquals(2, live.generation());
        assertTrue(reload.summary.contains("egress: mode enforce, allow 1 -> 1, deny 0 -> 0"), reload.summary);
        String event = awaitAuditLine(l -> l.contains("\"reason\":\"reloaded\""));
        assertTrue(event.contains("\"generation\":\"2\"") && event.contains("\"sha256\":\"" + live.config().sha256()),
                event);
        assertFalse(event.contains("127.0.0.3"), "a config event names no value of the file: " + event);
    }

    @Test
    void anInvalidEditIsRefusedWithItsLineAndTheRunningPolicyStays() throws IOException {
        Path file = Files.writeString(dir.resolve("primus.yaml"), egress("enforce", "127.0.0.2"));
        LivePolicy live = start(file);

        Files.writeString(file, egress("enforce", "127.0.0.2").replace("default: deny", "default: maybe"));
        ConfigWatcher.Reload reload = live.reload("the file changed", false);

        assertFalse(reload.applied);
        assertTrue(reload.summary.contains(file + ":4:"), "FILE:LINE of the bad value: " + reload.summary);
        assertFalse(denied(live, "127.0.0.2"), "the old allowlist still holds");
        assertTrue(denied(live, "127.0.0.3"));
        assertEquals(1, live.generation());
        String event = awaitAuditLine(l -> l.contains("\"reason\":\"reload_refused\""));
        assertTrue(event.contains("\"outcome\":\"denied\"") && event.contains(":4:"), event);
    }

    @Test
    void modeOffByReloadStandsEachGuardAsideAndEnforceBringsItBack() throws IOException {
        Path file = Files.writeString(dir.resolve("primus.yaml"), egress("enforce", "127.0.0.2"));
        LivePolicy live = start(file);
        assertEquals("card [CREDIT_CARD]", live.logging().maskText("card 4111 1111 1111 1111"));

        Files.writeString(file, egress("off", "127.0.0.2"));
        assertTrue(live.reload("the file changed", false).applied);
        assertFalse(denied(live, "127.0.0.9"), "egress off");
        assertEquals("card 4111 1111 1111 1111", live.logging().maskText("card 4111 1111 1111 1111"), "masking off");

        Files.writeString(file, egress("enforce", "127.0.0.2"));
        assertTrue(live.reload("the file changed", false).applied);
        assertTrue(denied(live, "127.0.0.9"));
        assertEquals("card [CREDIT_CARD]", live.logging().maskText("card 4111 1111 1111 1111"));
        assertEquals(3, live.generation());
    }

    @Test
    void aGuardOffAtStartCannotBeTurnedOnLiveAndTheEventSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("primus.yaml"), egress("enforce", "127.0.0.2")
                .replace("egress:\n", "egress:\n  mode: off\n"));
        LivePolicy live = start(file);
        assertNull(live.egress(), "nothing of egress is made when it is off at start-up");

        Files.writeString(file, egress("enforce", "127.0.0.2").replace("service: live-test", "service: renamed"));
        ConfigWatcher.Reload reload = live.reload("the file changed", false);

        assertTrue(reload.applied, reload.summary);
        assertTrue(reload.summary.contains("not live: egress was off at start-up, so its hooks are not woven; restart "
                + "the JVM to turn it on; service takes effect at the next start"), reload.summary);
        String event = awaitAuditLine(l -> l.contains("\"reason\":\"reloaded\""));
        assertTrue(event.contains("\"not_live\":\"egress was off at start-up"), event);
    }

    @Test
    void aFileThatSaysWhatItSaidIsNoNewGenerationUnlessAReloadIsAskedFor() throws IOException {
        Path file = Files.writeString(dir.resolve("primus.yaml"), egress("enforce", "127.0.0.2"));
        LivePolicy live = start(file);
        Files.writeString(file, "# a comment\n" + egress("enforce", "127.0.0.2"));

        ConfigWatcher.Reload same = live.reload("the file changed", false);
        assertTrue(same.applied);
        assertTrue(same.summary.contains("nothing changed"), same.summary);
        assertEquals(1, live.generation());

        ConfigWatcher.Reload asked = live.reload("reload was asked for", true);
        assertTrue(asked.summary.contains("the files it names were read again"), asked.summary);
        assertEquals(2, live.generation());
    }

    private String awaitAuditLine(Predicate<String> wanted) throws IOException {
        Path trail = dir.resolve("audit.jsonl");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(trail)) {
                List<String> found = Files.readAllLines(trail).stream().filter(wanted).collect(Collectors.toList());
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertNotNull(null, "no audit line as wanted within 10 s in " + trail);
        return null;
    }
}
