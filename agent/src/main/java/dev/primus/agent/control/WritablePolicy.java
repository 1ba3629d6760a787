package dev.primus.agent.control;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.PrimusLog;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Says, at start-up, when code running as the JVM's own user could change what the agent
 * enforces: write the config file, replace it in its folder, or create the kill file. A
 * compromised dependency runs as that user. Each is a WARN and an {@code agent} audit event
 * ({@code policy_writable}); nothing is refused, since many hosts run so today.
 */
public final class WritablePolicy {
    private WritablePolicy() {
    }

    /**
     * The config file (null for the embedded default) and the kill file (null when none is set);
     * true when any of them is writable.
     */
    public static boolean check(File configFile, File killFile, AuditPipeline audit) {
        List<String[]> writable = new ArrayList<String[]>();
        if (configFile != null && configFile.isFile()) {
            add(writable, configFile, "the config file: the app's own code could rewrite the policy, which the agent reloads "
                    + "within a second");
            add(writable, KillSwitch.folderOf(configFile), "the config file's folder: the app's own code could replace "
                    + "the config");
        }
        if (killFile != null) {
            add(writable, KillSwitch.folderOf(killFile), "the kill file's folder: the app's own code could create "
                    + killFile.getName() + " and turn every guard off, so the kill file is refused while it is");
        }
        for (String[] found : writable) {
            PrimusLog.warn(found[0] + " is writable by this JVM's user, or its own (" + System.getProperty("user.name")
                    + "), "
                    + found[1] + "; mount it read-only (Kubernetes mounts ConfigMaps so) or give it to another user");
            audit.offer(AuditEvent.of("agent", "allowed")
                    .reason("policy_writable")
                    .detail("file", found[0])
                    .detail("why", found[1])
                    .build());
        }
        return !writable.isEmpty();
    }

    private static void add(List<String[]> writable, File file, String why) {
        if (ThisUser.canChange(file)) {
            writable.add(new String[] {file.getPath(), why});
        }
    }
}
