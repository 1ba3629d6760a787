package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No String the engine holds in a static field has a char past Latin-1. Such a String is stored in
 * UTF-16, and one passed to {@code String.charAt} while the JIT profiles it made it compile both
 * of charAt's paths into the scan loop: a clean line took 460-477 ns against 358-369 ns
 * ({@code MaskingBenchmark.engineClean}) once the words for a password in Cyrillic and CJK were
 * Strings in {@code PasswordValues.KEYS}. Words in other scripts are char arrays
 * ({@link ForeignPasswordWords}).
 */
class Latin1ConstantsTest {
    @Test
    void everyStaticStringOfTheEngineIsLatin1() throws Exception {
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : engineClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !holdsStrings(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                checked++;
                collectPastLatin1(field.get(null), type.getSimpleName() + "." + field.getName(), found);
            }
        }
        assertTrue(checked > 50, "the engine's static String fields were read: " + checked);
        assertEquals(List.of(), found);
    }

    private static boolean holdsStrings(Class<?> type) {
        return type == String.class || type == String[].class || type == String[][].class;
    }

    private static void collectPastLatin1(Object value, String where, List<String> found) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > '\u00ff') {
                    found.add(where + ": " + text);
                    return;
                }
            }
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                collectPastLatin1(item, where, found);
            }
        }
    }

    private static List<Class<?>> engineClasses() throws Exception {
        Path folder = folderOf(Masker.class);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                classes.add(Class.forName(Masker.class.getPackageName() + "." + name, true,
                        Masker.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static Path folderOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getPackageName().replace('.', '/'));
    }
}
