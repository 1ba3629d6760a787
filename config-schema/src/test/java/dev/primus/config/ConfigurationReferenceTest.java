package dev.primus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the schema; this keeps the committed page equal to
 * what {@link ConfigurationReference} renders, and regenerates it when run with
 * {@code -Dprimus.regenerate.docs=true}. Paths are relative to this module, Maven's working
 * directory for its tests.
 */
class ConfigurationReferenceTest {
    private static final Path SCHEMA = Paths.get("src/main/resources/primus-agent.schema.json");
    private static final Path PAGE = Paths.get("../docs/configuration.md");

    @Test
    void committedPageIsWhatTheSchemaRenders() throws IOException {
        String rendered = ConfigurationReference.render(read(SCHEMA));
        if (Boolean.getBoolean("primus.regenerate.docs")) {
            Files.write(PAGE, rendered.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!Files.exists(PAGE)) {
            fail("docs/configuration.md is missing; generate it with " + ConfigurationReference.REGENERATE_COMMAND);
        }
        String firstDifference = firstDifference(rendered, read(PAGE));
        if (firstDifference != null) {
            fail("docs/configuration.md is not what " + ConfigurationReference.SCHEMA_FILE + " renders; "
                    + firstDifference + "\nRegenerate it with " + ConfigurationReference.REGENERATE_COMMAND);
        }
    }

    /** A key is named by its row; a top-level object by its section heading, having no table above it. */
    @Test
    void pageNamesEveryPropertyPathOfTheSchema() throws IOException {
        String page = ConfigurationReference.render(read(SCHEMA));
        Map<String, Object> schema = ConfigurationReference.parse(read(SCHEMA));
        List<String> paths = new ArrayList<>();
        collectPaths(schema, "", schema, paths);
        assertTrue(paths.contains("audit.sinks[].spill.max_size"), "the walk itself reaches nested keys");
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            if (!page.contains("| `" + path + "` |") && !page.contains("\n## " + path + "\n")) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing, "keys of the schema that have neither a row nor a section in the page");
    }

    @Test
    void escapesPipesInDescriptions() {
        String page = ConfigurationReference.render(
                "{\"properties\": {\"sep\": {\"type\": \"string\", \"description\": \"a | b\"}}}");
        assertTrue(page.contains("| `sep` | string |  | a \\| b |"), page);
    }

    @Test
    void rendersTheSameBytesEveryTime() throws IOException {
        String schema = read(SCHEMA);
        assertEquals(ConfigurationReference.render(schema), ConfigurationReference.render(schema));
    }

    /** Every key under every properties, following $ref, items and oneOf; written apart from the renderer on purpose. */
    @SuppressWarnings("unchecked")
    private static void collectPaths(Map<String, Object> schema, String path, Object node, List<String> paths) {
        if (!(node instanceof Map)) {
            return;
        }
        Map<String, Object> object = (Map<String, Object>) node;
        if (object.get("$ref") instanceof String ref) {
            String name = ref.substring("#/$defs/".length());
            collectPaths(schema, path, ((Map<String, Object>) schema.get("$defs")).get(name), paths);
        }
        collectPaths(schema, path + "[]", object.get("items"), paths);
        if (object.get("oneOf") instanceof List<?> alternatives) {
            for (Object alternative : alternatives) {
                collectPaths(schema, path, alternative, paths);
            }
        }
        if (object.get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> property : properties.entrySet()) {
                String child = path.isEmpty() ? (String) property.getKey() : path + "." + property.getKey();
                paths.add(child);
                collectPaths(schema, child, property.getValue(), paths);
            }
        }
    }

    /** Where {@code found} first departs from {@code expected}, by line, or null when they are equal. */
    private static String firstDifference(String expected, String found) {
        String[] expectedLines = expected.split("\n", -1);
        String[] foundLines = found.split("\n", -1);
        int shorter = Math.min(expectedLines.length, foundLines.length);
        for (int i = 0; i < shorter; i++) {
            if (!expectedLines[i].equals(foundLines[i])) {
                return "line " + (i + 1) + " should be\n  " + expectedLines[i] + "\nbut is\n  " + foundLines[i];
            }
        }
        if (expectedLines.length == foundLines.length) {
            return null;
        }
        String line = "line " + (shorter + 1) + " ";
        return expectedLines.length > shorter
                ? line + "should be\n  " + expectedLines[shorter] + "\nbut the file ends"
                : line + "should not be there, the page ends before it:\n  " + foundLines[shorter];
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
