package dev.primus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema's JSON reader against SnakeYAML, an independent implementation that reads JSON as
 * YAML: on the bundled schema and on random documents, the two trees must agree node by node,
 * lines and key order included. Then JSON's grammar at its edges, from the accept (y_) and
 * reject (n_) cases of Nicolas Seriot's JSONTestSuite.
 */
class SchemaJsonReaderTest {

    @Test
    void readsTheBundledSchemaAsSnakeYamlDoes() {
        String schema = SchemaValidator.schemaText();
        assertSameTree(yaml(schema), SchemaJsonReader.read("schema", schema));
    }

    @Test
    void readsRandomDocumentsAsSnakeYamlDoes() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 500; i++) {
            StringBuilder document = new StringBuilder();
            randomValue(random, document, 0);
            String json = document.toString();
            assertSameTree(yaml(json), SchemaJsonReader.read("random", json));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]", "{}", "[1]", "[-0]", "[-1.5e+10]", "[1E22]", "[0.5]", "[true,false,null]",
            "{\"a\":\"b\",\"c\":[]}", "[\"\\u0041\\n\\\"\\\\\\/\\b\\f\\r\\t\"]", " [ 1 ] ", "\"x\"", "[\"\\u00e9\"]"})
    void acceptsWhatJsonAllows(String json) {
        assertNotNull(SchemaJsonReader.read("y", json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "{a:1}", "['x']", "[\"\\x\"]",
            "[\"a\tb\"]", "[\"\\u12\"]", "[tru]", "[1] [2]", "{\"a\" 1}", "[\"open", "", "{\"a\":1,\"a\":2}"})
    void rejectsWhatJsonDoesNot(String json) {
        IllegalStateException malformed = assertThrows(IllegalStateException.class, () -> SchemaJsonReader.read("n", json));
        assertTrue(malformed.getMessage().startsWith("n:1: not valid JSON: "), malformed.getMessage());
    }

    @Test
    void namesTheLineOfAMistake() {
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> SchemaJsonReader.read("schema.json", "{\n  \"a\": 1,\n  \"b\": [1 2]\n}"));
        assertEquals("schema.json:3: not valid JSON: expected ']'", malformed.getMessage());
    }

    private static ConfigNode yaml(String json) {
        List<ConfigError> errors = new ArrayList<ConfigError>();
        ConfigNode node = new YamlReader("yaml", errors).read(json);
        assertTrue(errors.isEmpty(), errors::toString);
        return node;
    }

    private static void assertSameTree(ConfigNode expected, ConfigNode actual) {
        String at = expected.path();
        assertEquals(expected.kind(), actual.kind(), at);
        assertEquals(expected.line(), actual.line(), at);
        assertEquals(expected.path(), actual.path(), at);
        assertEquals(expected.text(), actual.text(), at);
        assertEquals(expected.quoted(), actual.quoted(), at);
        if (expected.kind() == ConfigNode.Kind.MAPPING) {
            assertEquals(new ArrayList<String>(expected.entries().keySet()), new ArrayList<String>(actual.entries().keySet()), at);
            Iterator<Map.Entry<String, ConfigNode>> others = actual.entries().entrySet().iterator();
            for (Map.Entry<String, ConfigNode> entry : expected.entries().entrySet()) {
                assertEquals(expected.keyLine(entry.getKey()), actual.keyLine(entry.getKey()), at + " key " + entry.getKey());
                assertSameTree(entry.getValue(), others.next().getValue());
            }
        } else if (expected.kind() == ConfigNode.Kind.LIST) {
            assertEquals(expected.items().size(), actual.items().size(), at);
            for (int i = 0; i < expected.items().size(); i++) {
                assertSameTree(expected.items().get(i), actual.items().get(i));
            }
        }
    }

    /** A JSON value of the kinds the schema holds, spread over lines as a formatter would. */
    private static void randomValue(Random random, StringBuilder out, int depth) {
        int kind = depth >= 4 ? 3 + random.nextInt(4) : random.nextInt(7);
        switch (kind) {
            case 0: case 1: {
                out.append("{\n");
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    out.append(i == 0 ? "" : ",\n").append("  \"k").append(i).append(randomText(random)).append("\": ");
                    randomValue(random, out, depth + 1);
                }
                out.append("\n}");
                break;
            }
            case 2: {
                out.append('[');
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    out.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",\n");
                    randomValue(random, out, depth + 1);
                }
                out.append(']');
                break;
            }
            case 3: out.append('"').append(randomText(random)).append('"'); break;
            case 4: out.append(random.nextInt(2000) - 1000); break;
            case 5: out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null"); break;
            default: out.append(random.nextInt(100)).append('.').append(random.nextInt(100)); break;
        }
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "Z", " ", "9", "-", "_", "^[a-z]+$", "\\n", "\\\"", "\\\\", "\\t", "\\u00e9", "é", "${x}", "#"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
