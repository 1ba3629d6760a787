package dev.primus.agent.control;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * {@code PRIMUS_KILL_FILE}: while that file exists, every guard is off: egress checks allow, log
 * lines pass unmasked, requests pass unjudged, and nothing is audited but the switch itself.
 * For the operator who must turn the agent off in seconds without a restart.
 *
 * <p>A daemon thread looks for the file once a second; the guards only read {@link #engaged},
 * one volatile read, so the hot paths never touch the file system. Only that thread writes the
 * flag, and the field is private to the agent's sealed module: code in the app can neither set it
 * nor clear it (it can create the file if it may write its folder: the agent warns at start-up
 * when it can). Each switch is an {@code agent} audit event and a WARN.
 */
public final class KillSwitch {
    private static volatile boolean engaged;

    private KillSwitch() {
    }

    /** Whether the guards must stand aside now. */
    public static boolean engaged() {
        return engaged;
    }

    /**
     * Looks at {@code killFile} now, so that a file present at start-up takes effect before the
     * first request, then once a second on a daemon thread.
     */
    public static void watch(final File killFile, final AuditPipeline audit) {
        check(killFile, audit);
        Thread watcher = new Thread(new Runnable() {
            @Override
            public void run() {
                while (true) {
                    try {
                        TimeUnit.SECONDS.sleep(1);
                        check(killFile, audit);
                    } catch (InterruptedException stop) {
                        return;
                    } catch (Throwable failure) {
                        AgentFailures.record("kill switch", failure);
                    }
                }
            }
        }, "primus-kill-switch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void check(File killFile, AuditPipeline audit) {
        boolean exists = killFile.exists();
        if (exists == engaged) {
            return;
        }
        engaged = exists;
        String what = exists ? "kill switch engaged: " + killFile + " exists; every guard is off until it is removed"
                : "kill switch released: " + killFile + " is gone; the guards are on again";
        PrimusLog.warn(what);
        audit.offer(AuditEvent.of("agent", "allowed")
                .reason(exists ? "kill_switch_engaged" : "kill_switch_released")
                .detail("file", killFile.getPath())
                .build());
    }
}
