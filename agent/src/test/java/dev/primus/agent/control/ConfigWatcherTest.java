package dev.primus.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.primus.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a look at the config file asks for a reload, and when it does not. */
class ConfigWatcherTest {
    @TempDir
    Path dir;

    /** Writes {@code text} as a save that finished a while ago, so the watcher reads it now. */
    private static Path settled(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 10_000 + text.length()));
        return file;
    }

    /** Records each reload asked for, as {@code why/reread}. */
    private static final class Recording implements ConfigWatcher.Target {
        final List<String> reloads = new ArrayList<>();
        final String loaded;

        Recording(String loadedText) {
            this.loaded = ConfigLoader.sha256Hex(loadedText.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public ConfigWatcher.Reload reload(String why, boolean reread) {
            reloads.add(why + "/" + reread);
            return new ConfigWatcher.Reload(true, why);
        }

        @Override
        public String loadedSha256() {
            return loaded;
        }

        @Override
        public String inForce() {
            return "test";
        }
    }

    /**
     * Code that can change a folder above the config's renames the config's folder away and puts
     * another in its place, with a config of its own: not reloaded, here or when asked for.
     */
    @Test
    void aConfigInAFolderPutInPlaceOfTheOneOfStartUpIsNeverReloaded() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("primus"));
        Path file = settled(folder.resolve("primus.yaml"), "service: a\n");
        Recording target = new Recording("service: a\n");
        ConfigWatcher watcher = new ConfigWatcher(file, target);
        Files.move(folder, dir.resolve("primus-away"));
        Files.createDirectory(folder);
        settled(file, "service: a\negress: { mode: \"off\" }\n");
        assertNull(watcher.poll());
        assertEquals(false, watcher.reloadNow().applied);
        assertEquals(List.of(), target.reloads);
    }

    @Test
    void anEditReloadsOnceAndATouchOrTheSameBytesDoNot() throws Exception {
        Path file = settled(dir.resolve("primus.yaml"), "service: a\n");
        Recording target = new Recording("service: a\n");
        ConfigWatcher watcher = new ConfigWatcher(file, target);

        assertNull(watcher.poll(), "the file the policy was read from");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 5000));
        assertNull(watcher.poll(), "touched, same bytes");
        settled(file, "service: b\n");
        watcher.poll();
        assertNull(watcher.poll(), "seen already");
        Files.writeString(file, "service: b\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3000));
        assertNull(watcher.poll(), "rewritten with the same text");

        assertEquals(List.of("the file changed/false"), target.reloads);
    }

    @Test
    void anEditMadeWhileTheAgentStartedIsCaughtAtTheFirstLook() throws Exception {
        Path file = settled(dir.resolve("primus.yaml"), "service: edited\n");
        Recording target = new Recording("service: as loaded\n");
        new ConfigWatcher(file, target).poll();
        assertEquals(List.of("the file changed/false"), target.reloads);
    }

    /**
     * A Kubernetes ConfigMap volume: {@code primus.yaml -> ..data/primus.yaml}, {@code ..data ->
     * ..v1}; an update writes {@code ..v2} and renames a new {@code ..data} link over the old one.
     */
    @Test
    void aConfigMapUpdateSwappingTheDataLinkIsSeen() throws Exception {
        Files.createDirectory(dir.resolve("..v1"));
        settled(dir.resolve("..v1/primus.yaml"), "service: v1\n");
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
        Path file = Files.createSymbolicLink(dir.resolve("primus.yaml"), Path.of("..data/primus.yaml"));
        Recording target = new Recording("service: v1\n");
        ConfigWatcher watcher = new ConfigWatcher(file, target);
        assertNull(watcher.poll());

        Files.createDirectory(dir.resolve("..v2"));
        settled(dir.resolve("..v2/primus.yaml"), "service: v2\n");
        Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..v2"));
        Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        watcher.poll();

        assertEquals(List.of("the file changed/false"), target.reloads);
    }

    @Test
    void aMissingFileKeepsThePolicyAndItsReturnWithNewTextReloads() throws Exception {
        Path file = settled(dir.resolve("primus.yaml"), "service: a\n");
        Recording target = new Recording("service: a\n");
        ConfigWatcher watcher = new ConfigWatcher(file, target);
        Files.delete(file);
        assertNull(watcher.poll());
        assertNull(watcher.poll());
        settled(file, "service: back\n");
        watcher.poll();
        assertEquals(List.of("the file changed/false"), target.reloads);
    }

    @Test
    void aFileWrittenThisInstantIsLeftForTheNextLook() throws Exception {
        Path file = settled(dir.resolve("primus.yaml"), "service: a\n");
        Recording target = new Recording("service: a\n");
        ConfigWatcher watcher = new ConfigWatcher(file, target);
        assertNull(watcher.poll());
        Files.writeString(file, "service: half-writt");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(ConfigWatcher.SETTLE_MILLIS / 3);
                Files.writeString(file, "service: half-written, whole now\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertNull(watcher.poll(), "written again while the watcher waited for it to be still");
        writer.join();
        Thread.sleep(ConfigWatcher.SETTLE_MILLIS + 10);
        watcher.poll();
        assertEquals(List.of("the file changed/false"), target.reloads);
    }

    @Test
    void reloadNowRereadsWhateverTheHash() {
        Recording target = new Recording("service: a\n");
        new ConfigWatcher(dir.resolve("primus.yaml"), target).reloadNow();
        assertEquals(List.of("reload was asked for/true"), target.reloads);
    }
}
