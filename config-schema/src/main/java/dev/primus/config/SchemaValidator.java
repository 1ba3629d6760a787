package dev.primus.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ConfigNode} tree against {@code primus-agent.schema.json}, reporting every
 * error with its line. Interprets the subset of JSON Schema 2020-12 our schema uses; any other
 * keyword in the schema is a build-time mistake and fails when the schema is read. The schema
 * itself is strict JSON, read by {@link SchemaJsonReader} (which says why not by SnakeYAML).
 */
final class SchemaValidator {
    static final String SCHEMA_RESOURCE = "/primus-agent.schema.json";

    private static final Set<String> KEYWORDS = new HashSet<String>(Arrays.asList(
            "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties",
            "additionalProperties", "required", "enum", "items", "minimum", "maximum", "minItems",
            "pattern", "oneOf", "format", "x-secret"));
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final ConfigNode root;

    private SchemaValidator(ConfigNode root) {
        this.root = root;
        checkKeywords(root, "#");
    }

    /** The schema bundled with this module. */
    static SchemaValidator bundled() {
        return new SchemaValidator(SchemaJsonReader.read(SCHEMA_RESOURCE, schemaText()));
    }

    /** The schema's JSON text, as {@code primus-agent schema} prints it. */
    static String schemaText() {
        InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the agent jar");
        }
        try (InputStream schema = in) {
            return new String(ConfigLoader.readAll(schema), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    void validate(String file, ConfigNode node, List<ConfigError> errors) {
        new Run(file, errors).check(node, root);
    }

    /** One validation: the file name and the errors found so far. */
    private final class Run {
        private final String file;
        private final List<ConfigError> errors;

        Run(String file, List<ConfigError> errors) {
            this.file = file;
            this.errors = errors;
        }

        void check(ConfigNode node, ConfigNode schema) {
            schema = resolve(schema);
            if (isTrue(schema.get("x-secret"))) {
                node.markSecret();
            }
            if (schema.get("oneOf") != null) {
                checkOneOf(node, schema);
                return;
            }
            String type = typeOf(schema);
            if (type != null && !hasType(node, type)) {
                error(node, "expected " + typeName(type) + " but got " + node.describe());
                return;
            }
            if (schema.get("enum") != null) {
                checkEnum(node, schema.get("enum"));
                return;
            }
            if ("object".equals(type)) {
                checkMapping(node, schema);
            } else if ("array".equals(type)) {
                checkList(node, schema);
            } else if (node.isScalar()) {
                checkScalar(node, schema);
            }
        }

        private void checkOneOf(ConfigNode node, ConfigNode schema) {
            List<String> expected = new ArrayList<String>();
            for (ConfigNode branch : schema.get("oneOf").items()) {
                ConfigNode resolved = resolve(branch);
                String type = typeOf(resolved);
                if (type == null || hasType(node, type)) {
                    check(node, resolved);
                    return;
                }
                expected.add(typeName(type));
            }
            error(node, "expected " + join(expected, " or ") + " but got " + node.describe());
        }

        private void checkEnum(ConfigNode node, ConfigNode allowed) {
            List<String> words = texts(allowed);
            if (node.isScalar() && words.contains(node.text())) {
                return;
            }
            if (!node.isScalar()) {
                error(node, "expected one of " + join(words, ", ") + " but got " + node.describe());
                return;
            }
            String suggestion = Suggestions.closest(node.text(), words);
            error(node, node.shown() + " is not one of: " + join(words, ", ")
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        }

        private void checkMapping(ConfigNode node, ConfigNode schema) {
            ConfigNode properties = schema.get("properties");
            Map<String, ConfigNode> known = properties == null
                    ? java.util.Collections.<String, ConfigNode>emptyMap() : properties.entries();
            ConfigNode required = schema.get("required");
            if (required != null) {
                for (String key : texts(required)) {
                    if (node.get(key) == null) {
                        error(node, "missing required key '" + key + "'");
                    }
                }
            }
            boolean closed = "false".equals(text(schema.get("additionalProperties")));
            for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
                ConfigNode property = known.get(entry.getKey());
                if (property != null) {
                    check(entry.getValue(), property);
                } else if (closed) {
                    unknownKey(node, entry.getKey(), known.keySet());
                }
            }
        }

        private void unknownKey(ConfigNode parent, String key, Set<String> known) {
            String suggestion = Suggestions.closest(key, known);
            String hint = suggestion != null ? "did you mean '" + suggestion + "'?"
                    : "expected one of: " + join(new ArrayList<String>(known), ", ");
            errors.add(new ConfigError(file, parent.keyLine(key), parent.keyPath(key), "unknown key; " + hint));
        }

        private void checkList(ConfigNode node, ConfigNode schema) {
            ConfigNode minItems = schema.get("minItems");
            if (minItems != null && node.items().size() < Integer.parseInt(minItems.text())) {
                error(node, "needs at least " + minItems.text() + ("1".equals(minItems.text()) ? " item" : " items"));
            }
            ConfigNode items = schema.get("items");
            if (items != null) {
                for (ConfigNode item : node.items()) {
                    check(item, items);
                }
            }
        }

        private void checkScalar(ConfigNode node, ConfigNode schema) {
            ConfigNode minimum = schema.get("minimum");
            ConfigNode maximum = schema.get("maximum");
            if (minimum != null || maximum != null) {
                double value = Double.parseDouble(node.text());
                if (minimum != null && value < Double.parseDouble(minimum.text())) {
                    error(node, node.text() + " is below the minimum " + minimum.text());
                }
                if (maximum != null && value > Double.parseDouble(maximum.text())) {
                    error(node, node.text() + " is above the maximum " + maximum.text());
                }
            }
            ConfigNode pattern = schema.get("pattern");
            if (pattern != null && !Pattern.compile(pattern.text()).matcher(node.text()).find()) {
                error(node, node.shown() + " does not match the pattern " + pattern.text());
            }
            ConfigNode format = schema.get("format");
            if (format != null) {
                String problem = Formats.check(format.text(), node.text());
                if (problem != null) {
                    error(node, node.shown() + " " + problem);
                }
            }
        }

        private void error(ConfigNode node, String message) {
            errors.add(new ConfigError(file, node.line(), node.path(), message));
        }
    }

    private ConfigNode resolve(ConfigNode schema) {
        ConfigNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String pointer = ref.text();
        if (!pointer.startsWith("#/$defs/")) {
            throw new IllegalStateException("schema: only #/$defs/ references are supported, not " + pointer);
        }
        ConfigNode target = root.get("$defs").get(pointer.substring("#/$defs/".length()));
        if (target == null) {
            throw new IllegalStateException("schema: " + pointer + " is not defined");
        }
        return resolve(target);
    }

    private static String typeOf(ConfigNode schema) {
        ConfigNode type = schema.get("type");
        if (type != null) {
            return type.text();
        }
        return schema.get("enum") != null ? "string" : null;
    }

    /** Whether the node can be read as the schema type. An empty mapping or list may be written as nothing. */
    private static boolean hasType(ConfigNode node, String type) {
        switch (type) {
            case "object":
                return node.kind() == ConfigNode.Kind.MAPPING || node.kind() == ConfigNode.Kind.NULL;
            case "array":
                return node.kind() == ConfigNode.Kind.LIST || node.kind() == ConfigNode.Kind.NULL;
            case "string":
                return node.isScalar();
            case "integer":
                return node.isScalar() && !node.quoted() && INTEGER.matcher(node.text()).matches();
            case "number":
                return node.isScalar() && !node.quoted() && NUMBER.matcher(node.text()).matches();
            case "boolean":
                return node.isScalar() && !node.quoted()
                        && ("true".equals(node.text()) || "false".equals(node.text()));
            default:
                throw new IllegalStateException("schema: unsupported type " + type);
        }
    }

    private static String typeName(String type) {
        switch (type) {
            case "object":
                return "a mapping";
            case "array":
                return "a list";
            case "string":
                return "a string";
            case "integer":
                return "an integer";
            case "number":
                return "a number";
            case "boolean":
                return "true or false";
            default:
                return type;
        }
    }

    private static void checkKeywords(ConfigNode schema, String where) {
        for (Map.Entry<String, ConfigNode> entry : schema.entries().entrySet()) {
            String key = entry.getKey();
            if (!KEYWORDS.contains(key)) {
                throw new IllegalStateException("schema: unsupported keyword " + key + " at " + where);
            }
            if ("properties".equals(key) || "$defs".equals(key)) {
                for (Map.Entry<String, ConfigNode> child : entry.getValue().entries().entrySet()) {
                    checkKeywords(child.getValue(), where + "/" + key + "/" + child.getKey());
                }
            } else if ("items".equals(key)) {
                checkKeywords(entry.getValue(), where + "/items");
            } else if ("oneOf".equals(key)) {
                for (ConfigNode branch : entry.getValue().items()) {
                    checkKeywords(branch, where + "/oneOf");
                }
            }
        }
    }

    private static boolean isTrue(ConfigNode node) {
        return node != null && "true".equals(node.text());
    }

    private static String text(ConfigNode node) {
        return node == null ? null : node.text();
    }

    private static List<String> texts(ConfigNode list) {
        List<String> texts = new ArrayList<String>();
        for (ConfigNode item : list.items()) {
            texts.add(item.text());
        }
        return texts;
    }

    private static String join(List<String> words, String separator) {
        StringBuilder joined = new StringBuilder();
        for (String word : words) {
            if (joined.length() > 0) {
                joined.append(separator);
            }
            joined.append(word);
        }
        return joined.toString();
    }
}
