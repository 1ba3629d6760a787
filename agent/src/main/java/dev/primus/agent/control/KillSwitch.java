package dev.primus.agent.control;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import java.io.File;

/**
 * {@code PRIMUS_KILL_FILE}: while that file exists, every guard is off: egress checks allow, log
 * lines pass unmasked, requests pass unjudged, and nothing is audited but the switch itself.
 * For the operator who must turn the agent off in seconds without a restart.
 *
 * <p>A daemon thread looks for the file once a second; the guards only read {@link #engaged},
 * one volatile read, so the hot paths never touch the file system. Only that thread writes the
 * flag, and the field is private to the agent's sealed module: code in the app can neither set it
 * nor clear it. Nor may it create the file: a kill file whose folder the JVM's own user can write
 * or owns (and so a compromised dependency, which runs as that user: an owner can chmod), or whose
 * folder is no longer the one of start-up ({@link FolderPin}), is refused, said at start-up and each
 * time the file appears, and the guards stay on. Each switch, and each refusal, is an
 * {@code agent} audit event and a WARN.
 */
public final class KillSwitch {
    private static volatile boolean engaged;
    /** The file is there but refused; said once until it is gone. Only the watching thread touches it. */
    private static boolean refused;
    /** The kill file's folder as it was at start-up, before any code of the app ran. */
    private static volatile FolderPin pin;

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
        pin = new FolderPin(folderOf(killFile));
        if (writableByThisUser(killFile)) {
            PrimusLog.warn("kill switch refused: " + folderOf(killFile) + ", the folder of PRIMUS_KILL_FILE, is writable by "
                    + "this JVM's user, or its own (" + System.getProperty("user.name") + "), so code in the app could "
                    + "create "
                    + killFile.getName() + " and turn every guard off; the kill file is ignored while it is. Put it in a "
                    + "folder only the operator can write (a read-only mount for the JVM, as Kubernetes volumes are)");
        }
        check(killFile, audit);
        Thread watcher = new Thread(new Runnable() {
            @Override
            public void run() {
                while (true) {
                    try {
                        AgentSleep.sleep(1000);
                        check(killFile, audit);
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
        if (!exists) {
            refused = false;
        }
        if (exists == engaged) {
            return;
        }
        if (exists && writableByThisUser(killFile)) {
            if (!refused) {
                refused = true;
                PrimusLog.warn("kill switch refused: " + killFile + " exists, but its folder is writable by this JVM's "
                        + "user, or its own, or not the folder it was at start-up, so the app's own code could have made "
                        + "it; every guard stays on");
                audit.offer(AuditEvent.of("agent", "denied")
                        .reason("kill_switch_refused")
                        .detail("file", killFile.getPath())
                        .build());
            }
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

    /**
     * Whether this JVM's user could have made the kill file: its folder is writable to it, or its
     * own on a writable mount (an owner can make it writable again, as a red-team probe did:
     * create the file, then chmod the folder read-only), or the folder is no longer the one
     * pinned at start-up (renamed away in a folder above, another put in its place).
     */
    static boolean writableByThisUser(File killFile) {
        FolderPin pin = KillSwitch.pin;
        return ThisUser.canChange(folderOf(killFile)) || pin != null && !pin.stillTheSame();
    }

    static File folderOf(File file) {
        File folder = file.getAbsoluteFile().getParentFile();
        return folder == null ? new File("/") : folder;
    }
}
