package dev.primus.agent.control;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder as it was at start-up, before any code of the app ran: its file system's key for it
 * (device and inode on Linux). Code running as the JVM's user that can change a folder above it
 * can rename the folder away and put another in its place, with a config or kill file of its own:
 * a folder whose key changed since is not the operator's. Kubernetes' ConfigMap updates swap
 * links inside the mounted folder, which keeps its key.
 */
final class FolderPin {
    private final File folder;
    /** Null when the folder was not there at start-up, or its file system gives no key. */
    private final Object key;

    FolderPin(File folder) {
        this.folder = folder;
        this.key = keyOf(folder);
    }

    /** Whether the folder is the one pinned: true when nothing was pinned. */
    boolean stillTheSame() {
        return key == null || key.equals(keyOf(folder));
    }

    File folder() {
        return folder;
    }

    private static Object keyOf(File folder) {
        try {
            return Files.readAttributes(folder.toPath(), BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException unknown) {
            return null;
        }
    }
}
