package dev.primus.agent.control;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Watches the config file for edits, once a second on a daemon thread, and asks for a reload
 * when its bytes change. The path is followed through symbolic links each time, so a Kubernetes
 * ConfigMap update (an atomic swap of the {@code ..data} link) is seen like an edit in place.
 * The file's identity (inode), modification time and size are read first; only when one of
 * them moved are its bytes hashed (SHA-256), and only a new hash reloads: a {@code touch} or a
 * rewrite with the same text changes nothing. A file is read only once it has been still for
 * {@value #SETTLE_MILLIS} ms, so a save in progress is not read half-way.
 *
 * <p>{@code reload PID} calls {@link #reloadNow()}, which re-reads the file whatever its hash
 * (a {@code ${file:...}} secret may have changed under an unchanged file). Polls and forced
 * reloads take turns on this object's lock, so two reloads never interleave.
 */
public final class ConfigWatcher {
    /** How often the file is looked at. */
    static final long POLL_MILLIS = 1000;
    /**
     * A file must have been still this long before it is read: one changed in place may still be
     * being written. Only a rename over the old file (what ConfigMaps and editors that save
     * safely do) guarantees that half a file is never read.
     */
    static final long SETTLE_MILLIS = 100;

    /** The policy a reload replaces: reads the file, and puts its policy in force or refuses it. */
    public interface Target {
        /**
         * @param why what asked for it, for the log and the audit event
         * @param reread build a new generation even if the file says what it said: files it
         *               names ({@code jwks_file}) may have changed under it
         * @return what happened
         */
        Reload reload(String why, boolean reread);

        /** The SHA-256 of the bytes the policy in force was read from. */
        String loadedSha256();

        /** One line: the file in force, its SHA-256 and its generation. */
        String inForce();
    }

    /** The outcome of one reload. */
    public static final class Reload {
        /** Whether the file's policy is now in force (or was already: nothing changed). */
        public final boolean applied;
        /** One line for the operator: what changed, or why the file was refused. */
        public final String summary;

        public Reload(boolean applied, String summary) {
            this.applied = applied;
            this.summary = summary;
        }

        @Override
        public String toString() {
            return summary;
        }
    }

    private final Path file;
    private final Target target;
    private Object seenKey;
    private long seenModified;
    private long seenSize;
    private String seenHash;
    private boolean missingSaid;
    /** The config's folder as it was at start-up, before any code of the app ran. */
    private final FolderPin pin;
    private boolean replacedSaid;

    ConfigWatcher(Path file, Target target) {
        this.file = file;
        this.target = target;
        this.pin = new FolderPin(file.toAbsolutePath().getParent().toFile());
    }

    /** Whether the config's folder is still the one of start-up; said once when it is not. */
    private boolean folderIsTheOperators() {
        if (pin.stillTheSame()) {
            return true;
        }
        if (!replacedSaid) {
            replacedSaid = true;
            PrimusLog.warn("config " + file + ": its folder " + pin.folder() + " is not the folder it was at start-up "
                    + "(renamed away, another put in its place, as code running as this JVM's user can where it may "
                    + "change a folder above); its config is not reloaded, and the policy in force stays");
        }
        return false;
    }

    /**
     * Starts looking at the file once a second. The first look compares it with the bytes the
     * running policy was read from, so an edit made while the agent started is still caught;
     * hashing waits for that first look, off premain.
     */
    public static ConfigWatcher watch(Path file, Target target) {
        final ConfigWatcher watcher = new ConfigWatcher(file, target);
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                while (true) {
                    try {
                        AgentSleep.sleep(POLL_MILLIS);
                        watcher.poll();
                    } catch (Throwable failure) {
                        AgentFailures.record("config watch", failure);
                    }
                }
            }
        }, "primus-config-watch");
        thread.setDaemon(true);
        thread.start();
        return watcher;
    }

    /** Looks at the file once: reloads when its bytes changed since the last look. */
    synchronized Reload poll() throws IOException, InterruptedException {
        if (!folderIsTheOperators()) {
            return null;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            if (!missingSaid) {
                missingSaid = true;
                PrimusLog.warn("config " + file + " is gone; the policy read from it stays in force until a file is "
                        + "back there");
            }
            return null;
        }
        missingSaid = false;
        Object key = attributes.fileKey();
        long modified = attributes.lastModifiedTime().toMillis();
        long size = attributes.size();
        if (seenHash == null) {
            seenHash = target.loadedSha256();
        }
        if (key != null && key.equals(seenKey) && modified == seenModified && size == seenSize) {
            return null;
        }
        long age = System.currentTimeMillis() - modified;
        if (age < SETTLE_MILLIS) {
            // Written a moment ago, perhaps still being written in place: look again once it has
            // been still for a while, and leave it for the next look if it has not.
            Thread.sleep(SETTLE_MILLIS - age);
            BasicFileAttributes again = Files.readAttributes(file, BasicFileAttributes.class);
            if (again.lastModifiedTime().toMillis() != modified || again.size() != size) {
                return null;
            }
        }
        seenKey = key;
        seenModified = modified;
        seenSize = size;
        String hash = ConfigLoader.sha256Hex(Files.readAllBytes(file));
        if (hash.equals(seenHash)) {
            return null;
        }
        seenHash = hash;
        return target.reload("the file changed", false);
    }

    /** Re-reads the file now, changed or not ({@code reload PID}). */
    public synchronized Reload reloadNow() {
        if (!folderIsTheOperators()) {
            return new Reload(false, "not reloaded: the config's folder " + pin.folder() + " is not the one of start-up");
        }
        return target.reload("reload was asked for", true);
    }
}
