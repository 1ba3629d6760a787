package dev.primus.agent.control;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the JVM's own user could change on disk, and so a compromised dependency, which runs as
 * that user: a file or folder it can write, or one it owns on a file system mounted writable (an
 * owner can give itself back the write it lacks: {@code chmod}, as a red-team probe did after
 * creating a kill file; root lacks write only where no chmod gives it back). Where the file system
 * cannot tell a bind mount made read-only from the mount below it, an owner's folder counts as
 * changeable: the kill file is then refused, the safe way. The user is known by its uid, read once
 * from {@code /proc/self}, where no system property can lie about it; where there is no such
 * file, ownership is not asked and writability alone counts.
 */
final class ThisUser {
    /** The owner's uid of /proc/self, a link (owned by root) to this process's own folder. Null off Linux. */
    private static final Integer UID = uid(Paths.get("/proc/self"));

    private ThisUser() {
    }

    /** Whether this user can write {@code file}, or owns it where a chmod would let it. */
    static boolean canChange(File file) {
        if (!file.exists()) {
            return false;
        }
        if (file.canWrite()) {
            return true;
        }
        // Root's own write is refused only by a read-only mount (or an immutable file), which no chmod undoes.
        Path path = file.toPath();
        return UID != null && UID != 0 && UID.equals(uid(path)) && !isOnReadOnlyMount(path);
    }

    private static boolean isOnReadOnlyMount(Path path) {
        try {
            return Files.getFileStore(path).isReadOnly();
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    private static Integer uid(Path path) {
        try {
            Object uid = Files.getAttribute(path, "unix:uid");
            return uid instanceof Integer ? (Integer) uid : null;
        } catch (IOException | RuntimeException | LinkageError unknown) {
            return null;
        }
    }
}
